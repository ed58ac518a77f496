namespace WhatsAppCampaigns.Core.Messages;

/// <summary>Told when the last message the fan-out enqueued to one of a campaign's shards is done (sent, failed or skipped).</summary>
public interface ISendingProgressSink
{
    Task ShardFinishedAsync(string campaignId, CancellationToken cancellationToken);
}
