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

        if (Scan(body.Span) is not { } lane)
        {
            return WebhookReceipt.MalformedJson;
        }

        await inbox.PersistAsync(body, time.GetUtcNow(), lane, cancellationToken);
        return WebhookReceipt.Accepted;
    }

    /// <summary>
    /// A forward-only scan, no allocation: null unless the body is one complete JSON object; the consent lane when it
    /// carries a <c>messages</c> array (what people sent: keywords, buttons) or a <c>user_preferences</c> array.
    /// Statuses arrive in their own payloads, so a consent payload is small and rare beside them.
    /// </summary>
    private static WebhookLane? Scan(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        var lane = WebhookLane.Statuses;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var consentProperty = false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    consentProperty = reader.ValueTextEquals("messages"u8) || reader.ValueTextEquals("user_preferences"u8);
                }
                else
                {
                    if (consentProperty && reader.TokenType == JsonTokenType.StartArray)
                    {
                        lane = WebhookLane.Consent;
                    }

                    consentProperty = false;
                }
            }

            return lane;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
