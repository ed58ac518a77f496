using System.Text.Json;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>
/// A message on the <c>wa-control</c> queue: something to do for a campaign after its state changed, away from the
/// request that changed it — tell its orchestration, wake its held messages, see whether it is done.
/// </summary>
/// <param name="Kind">One of <see cref="CampaignSignalKinds"/>.</param>
public sealed record CampaignSignal(string CampaignId, string Kind)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

public static class CampaignSignalKinds
{
    /// <summary>Forwarded to the orchestration as its control event (<see cref="Orchestration.CampaignSignals"/>).</summary>
    public const string Pause = Orchestration.CampaignSignals.Pause;
    public const string Resume = Orchestration.CampaignSignals.Resume;
    public const string Cancel = Orchestration.CampaignSignals.Cancel;
    public const string Winner = Orchestration.CampaignSignals.Winner;

    /// <summary>Make the campaign's held messages visible now (sent after a resume or cancel, and once more a little later).</summary>
    public const string Release = "release";

    /// <summary>A shard's last message is done: complete the campaign if nothing is left.</summary>
    public const string CheckCompletion = "check_completion";

    public static bool IsOrchestrationEvent(string kind) => kind is Pause or Resume or Cancel or Winner;
}
