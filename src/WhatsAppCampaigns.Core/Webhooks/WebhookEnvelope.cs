using System.Text.Json;
using System.Text.Json.Serialization;

namespace WhatsAppCampaigns.Core.Webhooks;

/// <summary>
/// The <c>wa-webhooks</c> queue message: the signed payload itself (embedded as JSON, it was checked to be JSON)
/// or, for large bodies, the name of the blob in <c>webhook-payloads</c> that holds it.
/// </summary>
public sealed record WebhookEnvelope(
    [property: JsonPropertyName("receivedAt")] DateTimeOffset ReceivedAt,
    [property: JsonPropertyName("payload")] JsonElement? Payload = null,
    [property: JsonPropertyName("blob")] string? Blob = null);
