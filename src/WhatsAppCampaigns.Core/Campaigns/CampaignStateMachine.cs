namespace WhatsAppCampaigns.Core.Campaigns;

public enum CampaignCommand
{
    Pause,
    Resume,
    Cancel,
}

/// <summary>
/// The allowed moves. Pause works at any point before cancel (also after fan-out, to hold queued messages);
/// resume returns to where the campaign would be; cancel is final.
/// </summary>
public static class CampaignStateMachine
{
    /// <returns>The new record, the same record for a no-op, or null when the command is not allowed.</returns>
    public static CampaignRecord? Apply(CampaignRecord record, CampaignCommand command, string? reason, DateTimeOffset now) => (command, record.State) switch
    {
        (_, CampaignState.Cancelled) => command == CampaignCommand.Cancel ? record : null,
        (CampaignCommand.Pause, CampaignState.Paused) => record,
        (CampaignCommand.Pause, _) => record with { State = CampaignState.Paused, Reason = reason, UpdatedAt = now },
        (CampaignCommand.Resume, CampaignState.Paused) => record with { State = ResumeTarget(record), Reason = reason, UpdatedAt = now },
        (CampaignCommand.Resume, _) => record,
        (CampaignCommand.Cancel, _) => record with { State = CampaignState.Cancelled, Reason = reason, UpdatedAt = now },
        _ => null,
    };

    public static CampaignState ResumeTarget(CampaignRecord record) =>
        record.FanOutComplete ? CampaignState.Completed : record.Started ? CampaignState.Running : CampaignState.Scheduled;
}
