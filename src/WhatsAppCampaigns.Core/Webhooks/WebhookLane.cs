using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Webhooks;

/// <summary>
/// The two webhook queues. Consent (STOP replies, opt-out buttons, user preferences) has its own lane so that an
/// opt-out is applied within seconds even while thousands of statuses wait: both lanes are processed at once by the
/// same <see cref="WebhookQueueProcessor"/>.
/// </summary>
public enum WebhookLane
{
    Statuses,
    Consent,
}

public static class WebhookLanes
{
    public static string QueueName(this WebhookLane lane) =>
        lane == WebhookLane.Consent ? StorageNames.ConsentWebhooksQueueName : StorageNames.WebhooksQueueName;
}
