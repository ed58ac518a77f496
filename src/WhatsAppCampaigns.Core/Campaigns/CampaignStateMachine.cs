namespace WhatsAppCampaigns.Core.Campaigns;

public enum CampaignCommand
{
    Pause,
    Resume,
    Cancel,

    /// <summary>The scheduled start came: the fan-out begins.</summary>
    Start,

    /// <summary>Every recipient has been enqueued or skipped (messages may still wait to be sent).</summary>
    FinishFanOut,

    /// <summary>Every enqueued message has an outcome: nothing is left to send.</summary>
    CompleteSending,
}

/// <summary>
/// The allowed moves, and the only code that changes a campaign's state (<see cref="CampaignCommands"/> applies it).
/// Scheduled → Running at the start; Running → Completed only once the fan-out has finished and every message has an
/// outcome; pause works at any point before that (also after the fan-out, to hold queued messages) and resume returns to
/// where the campaign would be; cancel is final.
/// </summary>
public static class CampaignStateMachine
{
    /// <returns>The new record, the same record for a no-op, or null when the command is not allowed.</returns>
    public static CampaignRecord? Apply(CampaignRecord record, CampaignCommand command, string? reason, DateTimeOffset now) => (command, record.State) switch
    {
        (CampaignCommand.Start, _) => record.State == CampaignState.Scheduled
            ? record with { State = CampaignState.Running, Started = true, UpdatedAt = now }
            : record with { Started = true },
        (CampaignCommand.FinishFanOut, _) => record with { FanOutComplete = true },
        (CampaignCommand.CompleteSending, CampaignState.Running) when record.FanOutComplete =>
            record with { State = CampaignState.Completed, Reason = null, UpdatedAt = now },
        (CampaignCommand.CompleteSending, _) => record,
        (_, CampaignState.Cancelled) => command == CampaignCommand.Cancel ? record : null,
        (_, CampaignState.Completed) => null,
        (CampaignCommand.Pause, CampaignState.Paused) => record,
        (CampaignCommand.Pause, _) => record with { State = CampaignState.Paused, Reason = reason, UpdatedAt = now },
        (CampaignCommand.Resume, CampaignState.Paused) => record with { State = ResumeTarget(record), Reason = reason, UpdatedAt = now },
        (CampaignCommand.Resume, _) => record,
        (CampaignCommand.Cancel, _) => record with { State = CampaignState.Cancelled, Reason = reason, UpdatedAt = now },
        _ => null,
    };

    public static CampaignState ResumeTarget(CampaignRecord record) => record.Started ? CampaignState.Running : CampaignState.Scheduled;
}
