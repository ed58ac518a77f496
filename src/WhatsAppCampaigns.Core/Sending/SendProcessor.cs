using System.Text.Json;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Sending.DeadLetters;

namespace WhatsAppCampaigns.Core.Sending;

/// <summary>
/// The <c>wa-sends</c> queue handler (Functions trigger and local pump alike). Unreadable messages and messages whose
/// processing keeps failing go to the dead-letter table with their reason instead of the silent poison queue.
/// </summary>
public sealed class SendProcessor(SendPipeline pipeline, DeadLetterStore deadLetters, IOptions<SenderOptions> options) : IQueueMessageProcessor
{
    public async Task ProcessAsync(QueueDelivery delivery, CancellationToken cancellationToken)
    {
        SendRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<SendRequest>(delivery.Body, SendRequestJson.Options);
        }
        catch (JsonException ex)
        {
            await deadLetters.AddAsync(null, "unreadable", null, ex.Message, (int)delivery.DequeueCount, delivery.Body, cancellationToken);
            return;
        }

        if (request is null || string.IsNullOrWhiteSpace(request.CampaignId) || string.IsNullOrWhiteSpace(request.Recipient) || request.Policy is null)
        {
            await deadLetters.AddAsync(request?.CampaignId, "unreadable", null, "missing campaignId, recipient or policy", (int)delivery.DequeueCount, delivery.Body, cancellationToken);
            return;
        }

        try
        {
            await pipeline.RunAsync(request, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && delivery.DequeueCount >= options.Value.MaxFailedDeliveries)
        {
            await deadLetters.AddAsync(request.CampaignId, "processing_failed", null, ex.GetType().Name + ": " + ex.Message, (int)delivery.DequeueCount, delivery.Body, cancellationToken);
        }
    }
}
