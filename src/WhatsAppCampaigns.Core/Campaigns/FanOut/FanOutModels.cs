namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>One page of the fan-out: page numbers and cursors come from the orchestrator, so a retry asks for the same page.</summary>
/// <param name="Phase">For a variant test: <see cref="FanOutPhases.Sample"/> or <see cref="FanOutPhases.Rest"/>; null = no test.</param>
/// <param name="Winner">The variant the rest phase sends.</param>
public sealed record FanOutPageRequest(string CampaignId, int Page, string? Cursor, string? Phase = null, string? Winner = null);

/// <summary>The two passes over the audience of a campaign with a variant test.</summary>
public static class FanOutPhases
{
    /// <summary>Only the test sample, each with its own variant.</summary>
    public const string Sample = "sample";

    /// <summary>Everyone else: the hold-out is skipped, the rest gets the winner.</summary>
    public const string Rest = "rest";
}

/// <summary>What a page did. Stored with the page when it finishes and returned as stored on a retry, so the totals are the same however often it ran.</summary>
/// <param name="Recipients">Members first seen on this page (a member already reserved by another page is not counted twice).</param>
/// <param name="HaltedBy">Set when the campaign was paused or cancelled: the page did nothing.</param>
/// <param name="EnqueuedByShard">The enqueued recipients per message-ledger shard (<see cref="Messages.MessageShards"/>), so the ledger can tell when they are all done.</param>
public sealed record FanOutPageResult(
    string? NextCursor,
    int Recipients,
    int Enqueued,
    IReadOnlyDictionary<string, long> Skipped,
    CampaignState? HaltedBy = null,
    IReadOnlyList<long>? EnqueuedByShard = null)
{
    public static FanOutPageResult Halted(string? cursor, CampaignState state) => new(cursor, 0, 0, new Dictionary<string, long>(), state);
}

public sealed record FanOutFinishRequest(string CampaignId, FanOutTotals Totals, bool Cancelled);
