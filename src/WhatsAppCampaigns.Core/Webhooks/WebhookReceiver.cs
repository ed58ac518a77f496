using System.Text.Json;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Configuration;

namespace WhatsAppCampaigns.Core.Webhooks;

public enum WebhookReceipt
{
    Accepted,
    BadSignature,
    EmptyBody,
    MalformedJson,
}

/// <summary>
/// The webhook POST's fast path: signature over the raw bytes first, then a cheap well-formedness check, then
/// persist. No table reads or writes and no deduplication here: duplicates are handled idempotently in processing.
/// </summary>
public sealed class WebhookReceiver(WebhookInbox inbox, IOptions<WhatsAppOptions> whatsApp, TimeProvider time)
{
    public async Task<WebhookReceipt> AcceptAsync(ReadOnlyMemory<byte> body, string? signature, CancellationToken cancellationToken)
    {
        if (!WebhookSignature.IsValid(body.Span, signature, whatsApp.Value.AppSecret))
        {
            return WebhookReceipt.BadSignature;
        }

        if (body.IsEmpty)
        {
            return WebhookReceipt.EmptyBody;
        }

        if (!IsJsonObject(body.Span))
        {
            return WebhookReceipt.MalformedJson;
        }

        await inbox.PersistAsync(body, time.GetUtcNow(), cancellationToken);
        return WebhookReceipt.Accepted;
    }

    /// <summary>A forward-only scan, no allocation: the body is one complete JSON object.</summary>
    private static bool IsJsonObject(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
