using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Webhooks;

namespace WhatsAppCampaigns.Functions.Functions.Queue;

/// <summary>The consent lane of webhooks (inbound messages, user preferences): its own trigger, so opt-outs never wait behind statuses.</summary>
public sealed class Webhooks_ProcessConsent(WebhookQueueProcessor processor)
{
    [Function(nameof(Webhooks_ProcessConsent))]
    public Task Run([QueueTrigger(StorageNames.ConsentWebhooksQueueName)] QueueMessage message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(new QueueDelivery(message.MessageId, message.Body.ToString(), message.DequeueCount, message.InsertedOn), cancellationToken);
}
