namespace WhatsAppCampaigns.CloudApiSimulator.Webhooks;

/// <summary>Outcome of one webhook POST, retries included.</summary>
/// <param name="Delivered">The receiver answered 2xx.</param>
/// <param name="StatusCode">Last HTTP status, or null when no URL is configured or the connection failed.</param>
/// <param name="Attempts">POSTs made.</param>
/// <param name="MessageId">For inbound messages, the wamid the simulator gave the message.</param>
public sealed record WebhookPostResult(bool Delivered, int? StatusCode, int Attempts, string? MessageId = null)
{
    internal WebhookPostResult WithMessageId(string id) => this with { MessageId = id };
}
