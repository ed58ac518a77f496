using System.Text.Json;
using Azure;
using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Webhooks;

/// <summary>
/// Processes both webhook lanes (<c>wa-webhooks</c> and <c>wa-webhooks-consent</c>): loads the payload (inline or from
/// its blob), walks <c>entry[].changes[]</c> and hands each change to the handlers of its field. The payload is signed,
/// so it is Meta's, but its shape is not trusted: an entry, change or item that makes no sense is counted and dropped on
/// its own (<see cref="WebhookProcessingStats"/>) and the good ones beside it are still handled. Only a failure a retry
/// can fix (storage unavailable) leaves, for the queue to redeliver the payload; handlers are idempotent.
/// </summary>
public sealed partial class WebhookQueueProcessor(
    StorageClients storage,
    IEnumerable<IWebhookChangeHandler> handlers,
    WebhookProcessingStats stats,
    ILogger<WebhookQueueProcessor> logger) : IQueueMessageProcessor
{
    private const string Envelope = "envelope";
    private readonly IWebhookChangeHandler[] _handlers = handlers.ToArray();

    public async Task ProcessAsync(QueueDelivery delivery, CancellationToken cancellationToken)
    {
        WebhookEnvelope? envelope;
        JsonElement? payload;
        try
        {
            envelope = JsonSerializer.Deserialize<WebhookEnvelope>(delivery.Body);
            payload = envelope is null ? null : await LoadAsync(envelope, cancellationToken);
        }
        catch (JsonException)
        {
            stats.Drop(Envelope, "unreadable");
            return;
        }

        if (payload is not { } root || envelope is null)
        {
            return;
        }

        stats.Processed();
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("object", out var kind) || kind.ValueKind != JsonValueKind.String || !kind.ValueEquals("whatsapp_business_account"))
        {
            stats.Drop(Envelope, "object_not_whatsapp_business_account");
            return;
        }

        if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            stats.Drop(Envelope, "entry_not_array");
            return;
        }

        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                stats.Drop(Envelope, "entry_not_object");
                continue;
            }

            var at = WebhookJson.FromUnix(entry.TryGetProperty("time", out var time) ? WebhookJson.Unix(time) : null) ?? envelope.ReceivedAt;
            if (!entry.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
            {
                stats.Drop(Envelope, "changes_not_array");
                continue;
            }

            foreach (var change in changes.EnumerateArray())
            {
                if (Read(change, at) is { } context)
                {
                    await DispatchAsync(delivery.MessageId, context, cancellationToken);
                }
            }
        }
    }

    private WebhookChangeContext? Read(JsonElement change, DateTimeOffset at)
    {
        if (change.ValueKind != JsonValueKind.Object)
        {
            stats.Drop(Envelope, "change_not_object");
            return null;
        }

        if (!change.TryGetProperty("field", out var field) || field.ValueKind != JsonValueKind.String)
        {
            stats.Drop(Envelope, "change_without_field");
            return null;
        }

        var name = field.GetString()!;
        if (!change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
        {
            stats.Drop(name, "change_without_value");
            return null;
        }

        return new WebhookChangeContext(name, value, at);
    }

    private async Task DispatchAsync(string messageId, WebhookChangeContext change, CancellationToken cancellationToken)
    {
        var matching = _handlers.Where(h => h.Handles(change.Field)).ToArray();
        if (matching.Length == 0)
        {
            // Fields this product does not subscribe to are expected, not malformed; the name is Meta's or, if odd, withheld.
            LogSkipped(logger, messageId, TableLimits.IsValidKey(change.Field) && change.Field.Length <= 64 ? change.Field : "(other)");
            return;
        }

        foreach (var handler in matching)
        {
            await stats.GuardAsync(change.Field, "change", () => handler.HandleAsync(change, cancellationToken), cancellationToken);
        }
    }

    private async Task<JsonElement?> LoadAsync(WebhookEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Payload is { } inline)
        {
            return inline;
        }

        if (envelope.Blob is null)
        {
            stats.Drop(Envelope, "no_payload");
            return null;
        }

        try
        {
            var blob = storage.Blobs.GetBlobContainerClient(storage.Names.WebhookPayloadsContainer).GetBlobClient(envelope.Blob);
            var content = await blob.DownloadContentAsync(cancellationToken);
            using var document = JsonDocument.Parse(content.Value.Content.ToMemory());
            return document.RootElement.Clone();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Past the container's retention: nothing left to process.
            stats.Drop(Envelope, "blob_missing");
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {MessageId}: skipped field '{Field}' (not handled)")]
    private static partial void LogSkipped(ILogger logger, string messageId, string field);
}
