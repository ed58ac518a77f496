namespace WhatsAppCampaigns.Core.Webhooks;

/// <summary>Section <c>Webhooks</c>. The app secret and verify token live in <c>WhatsApp</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Bodies larger than this are refused with 413; Meta's batches of 1,000 statuses are far below it.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Largest envelope carried inside the queue message itself. A queue message holds 64 KiB after base64 (48 KiB of
    /// bytes); anything larger goes to the <c>webhook-payloads</c> container with a reference in the queue.
    /// </summary>
    public int InlineMaxBytes { get; set; } = 48 * 1024;

    /// <summary>Status updates of one payload handled at once.</summary>
    public int StatusParallelism { get; set; } = 16;
}
