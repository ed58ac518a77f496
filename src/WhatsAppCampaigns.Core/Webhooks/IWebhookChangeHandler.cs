using System.Text.Json;

namespace WhatsAppCampaigns.Core.Webhooks;

/// <summary>One <c>entry[].changes[]</c> item of a webhook payload.</summary>
/// <param name="At">The entry's time, or when the payload was received when Meta gave none.</param>
public sealed record WebhookChangeContext(string Field, JsonElement Value, DateTimeOffset At);

/// <summary>
/// Handles the changes of one or more webhook fields. Must be idempotent: Meta delivers duplicates, and a failed
/// payload is processed again from the start. Throw only for what a retry can fix (storage unavailable).
/// </summary>
public interface IWebhookChangeHandler
{
    bool Handles(string field);

    Task HandleAsync(WebhookChangeContext change, CancellationToken cancellationToken);
}
