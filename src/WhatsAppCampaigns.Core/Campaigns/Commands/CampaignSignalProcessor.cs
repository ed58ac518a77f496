using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>
/// The <c>wa-control</c> queue handler (a Functions queue trigger with a Durable client binding, or the local runner's
/// pump): tells a campaign's orchestration what changed, wakes the messages held for a paused campaign, and completes
/// a campaign whose messages are all done. Idempotent: every signal may come twice.
/// </summary>
public sealed partial class CampaignSignalProcessor(
    CampaignCommands commands,
    CampaignSignalQueue signals,
    IMessageLedger ledger,
    ISendQueue sends,
    IOptions<CampaignOptions> options,
    ILogger<CampaignSignalProcessor> logger)
{
    public async Task ProcessAsync(QueueDelivery delivery, DurableTaskClient durable, CancellationToken ct)
    {
        if (CampaignSignalQueue.Parse(delivery.Body) is not { } signal)
        {
            LogUnreadable(logger, delivery.MessageId);
            return;
        }

        if (CampaignSignalKinds.IsOrchestrationEvent(signal.Kind))
        {
            if (CampaignInstance.IsAlive(await durable.GetInstanceAsync(signal.CampaignId, ct)))
            {
                await durable.RaiseEventAsync(signal.CampaignId, CampaignTaskNames.ControlEvent, signal.Kind, ct);
            }
        }

        switch (signal.Kind)
        {
            case CampaignSignalKinds.Resume:
                await ReleaseAsync(signal.CampaignId, ct);
                // Once more after every sender's cached state has turned over: a sender that still saw "paused" may have held one since.
                await signals.SendAsync(signal.CampaignId, CampaignSignalKinds.Release, ct, options.Value.StateCacheDuration + TimeSpan.FromSeconds(5));
                break;
            case CampaignSignalKinds.Cancel or CampaignSignalKinds.Release:
                await ReleaseAsync(signal.CampaignId, ct);
                break;
            case CampaignSignalKinds.CheckCompletion:
                await commands.CompleteIfDoneAsync(signal.CampaignId, ct);
                break;
        }
    }

    private async Task ReleaseAsync(string campaignId, CancellationToken ct)
    {
        var released = await ledger.ReleaseHeldAsync(campaignId, sends.MakeVisibleAsync, ct);
        if (released > 0)
        {
            LogReleased(logger, campaignId, released);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Control message {MessageId} is unreadable and was dropped")]
    private static partial void LogUnreadable(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: {Count} held messages released")]
    private static partial void LogReleased(ILogger logger, string campaignId, int count);
}
