namespace WhatsAppCampaigns.Core.Campaigns.Orchestration;

/// <summary>
/// The orchestration's whole state, carried from one generation to the next through ContinueAsNew.
/// Its size is fixed (a cursor and totals), whatever the audience size.
/// </summary>
/// <param name="PagesPerGeneration">Pages (and control signals) handled before ContinueAsNew starts a fresh history.</param>
/// <param name="Phase">A variant test's fan-out phase (<see cref="FanOutPhases"/>); null = no test.</param>
/// <param name="DecideAt">Set when the sample is out: the end of the observation window.</param>
/// <param name="WinnerPicked">A winner was picked by hand: the window ends now.</param>
/// <param name="NextPage">The number of the next page: with <paramref name="Cursor"/>, what makes a retried page the same page.</param>
public sealed record CampaignRunInput(
    string CampaignId,
    DateTimeOffset? StartAt,
    int PagesPerGeneration,
    bool Started = false,
    bool Paused = false,
    int Generation = 0,
    int NextPage = 0,
    string? Cursor = null,
    FanOutTotals? Totals = null,
    string? Phase = null,
    TimeSpan? TestWindow = null,
    DateTime? DecideAt = null,
    bool WinnerPicked = false,
    string? Winner = null)
{
    public FanOutTotals CurrentTotals => Totals ?? FanOutTotals.Zero;
}
