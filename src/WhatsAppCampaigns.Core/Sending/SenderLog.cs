using Microsoft.Extensions.Logging;

namespace WhatsAppCampaigns.Core.Sending;

/// <summary>The senders' log lines; recipients always masked by the caller.</summary>
internal static partial class SenderLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {CampaignId} to {Recipient} from {PhoneNumberId}: {WamId}")]
    public static partial void Sent(ILogger logger, string campaignId, string recipient, string phoneNumberId, string wamId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {CampaignId} to {Recipient}: {Reason}")]
    public static partial void Skipped(ILogger logger, string campaignId, string recipient, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Duplicate delivery of {CampaignId} to {Recipient} ignored ({Outcome})")]
    public static partial void Duplicate(ILogger logger, string campaignId, string recipient, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Took over {CampaignId} to {Recipient} from a dead sender; waiting for a status webhook before sending again")]
    public static partial void TakenOver(ILogger logger, string campaignId, string recipient);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Sending halted: Graph error {Code} ({Reason}). Clear the halt once the token or account is fixed")]
    public static partial void Halted(ILogger logger, int code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId} paused: {Reason}")]
    public static partial void CampaignPaused(ILogger logger, string campaignId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dead-lettered {CampaignId} after {Attempts} attempts: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string? campaignId, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give back the reservation of {Recipient}: its row changed; the slot stays counted")]
    public static partial void UndoConflict(ILogger logger, string recipient);
}
