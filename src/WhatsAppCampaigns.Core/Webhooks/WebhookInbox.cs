using System.Buffers;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Webhooks;

/// <summary>
/// The receiving side's only storage work: one queue message, or one blob and one queue message for a body
/// too large to travel inline. Everything else happens in <see cref="WebhookQueueProcessor"/>.
/// </summary>
public sealed class WebhookInbox(StorageClients storage, IOptions<WebhookOptions> options)
{
    /// <param name="body">Already checked to be a signed JSON object.</param>
    /// <param name="lane">Which queue: consent has its own, so an opt-out never waits behind a backlog of statuses.</param>
    public async Task PersistAsync(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt, WebhookLane lane, CancellationToken cancellationToken)
    {
        var envelope = Envelope(receivedAt, w => w.WriteRawValue(body.Span, skipInputValidation: true));
        if (envelope.Length > options.Value.InlineMaxBytes)
        {
            var name = $"{receivedAt:yyyy/MM/dd}/{Guid.NewGuid():N}.json";
            var container = storage.Blobs.GetBlobContainerClient(storage.Names.WebhookPayloadsContainer);
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(body), cancellationToken);
            envelope = Envelope(receivedAt, w => w.WriteStringValue(name), "blob");
        }

        await storage.Queue(lane.QueueName()).SendMessageAsync(BinaryData.FromBytes(envelope), cancellationToken: cancellationToken);
    }

    private static byte[] Envelope(DateTimeOffset receivedAt, Action<Utf8JsonWriter> writeValue, string property = "payload")
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("receivedAt", receivedAt);
            writer.WritePropertyName(property);
            writeValue(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
