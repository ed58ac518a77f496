using System.Text.Json;
using Azure;
using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Webhooks;

/// <summary>
/// Processes the <c>wa-webhooks</c> queue: loads the payload (inline or from its blob) and hands each change to the
/// handlers of its field. Unknown fields and malformed changes are logged and skipped, never retried.
/// </summary>
public sealed partial class WebhookQueueProcessor(
    StorageClients storage,
    IEnumerable<IWebhookChangeHandler> handlers,
    ILogger<WebhookQueueProcessor> logger) : IQueueMessageProcessor
{
    private readonly IWebhookChangeHandler[] _handlers = handlers.ToArray();

    public async Task ProcessAsync(QueueDelivery delivery, CancellationToken cancellationToken)
    {
        WebhookPayload? payload;
        WebhookEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<WebhookEnvelope>(delivery.Body);
            payload = envelope is null ? null : await LoadAsync(envelope, cancellationToken);
        }
        catch (JsonException ex)
        {
            LogUnreadable(logger, delivery.MessageId, ex.Message);
            return;
        }

        if (payload is null || envelope is null)
        {
            return;
        }

        if (payload.Object != "whatsapp_business_account")
        {
            LogSkipped(logger, delivery.MessageId, "object", payload.Object ?? "(none)");
            return;
        }

        foreach (var entry in payload.Entry ?? [])
        {
            var at = WebhookJson.FromUnix(entry.Time) ?? envelope.ReceivedAt;
            foreach (var change in entry.Changes ?? [])
            {
                await DispatchAsync(delivery.MessageId, new WebhookChangeContext(change.Field ?? "", change.Value, at), cancellationToken);
            }
        }
    }

    private async Task DispatchAsync(string messageId, WebhookChangeContext change, CancellationToken cancellationToken)
    {
        var matching = _handlers.Where(h => h.Handles(change.Field)).ToArray();
        if (matching.Length == 0)
        {
            LogSkipped(logger, messageId, "field", change.Field);
            return;
        }

        foreach (var handler in matching)
        {
            try
            {
                await handler.HandleAsync(change, cancellationToken);
            }
            catch (JsonException ex)
            {
                LogMalformedChange(logger, messageId, change.Field, ex.Message);
            }
        }
    }

    private async Task<WebhookPayload?> LoadAsync(WebhookEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Payload is { } inline)
        {
            return inline.Deserialize<WebhookPayload>(WebhookJson.Options);
        }

        if (envelope.Blob is null)
        {
            return null;
        }

        try
        {
            var blob = storage.Blobs.GetBlobContainerClient(storage.Names.WebhookPayloadsContainer).GetBlobClient(envelope.Blob);
            var content = await blob.DownloadContentAsync(cancellationToken);
            return JsonSerializer.Deserialize<WebhookPayload>(content.Value.Content.ToMemory().Span, WebhookJson.Options);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Past the container's retention: nothing left to process.
            LogSkipped(logger, envelope.Blob, "blob", "missing");
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook queue message {MessageId} is unreadable and was dropped: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {MessageId}: skipped unknown {Kind} '{Value}'")]
    private static partial void LogSkipped(ILogger logger, string messageId, string kind, string value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {MessageId}: a '{Field}' change has an unexpected shape and was skipped: {Reason}")]
    private static partial void LogMalformedChange(ILogger logger, string messageId, string field, string reason);
}
