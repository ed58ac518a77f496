namespace WhatsAppCampaigns.Core.Campaigns;

public enum CampaignState
{
    Scheduled,
    Running,
    Paused,
    Cancelled,
    Completed,
}

/// <summary>
/// What the rest of the product may ask of, or do to, a campaign without knowing how campaigns run: the sender checks
/// the state before each send and holds a paused campaign's messages; guardrails and template signals pause.
/// <see cref="CampaignCommands"/> is the implementation.
/// </summary>
public interface ICampaignControl
{
    /// <summary>Null for an unknown campaign. Cheap: callers hit it once per message (the state is cached briefly).</summary>
    Task<CampaignState?> GetStateAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>The state as stored right now, past any cache: for the rare decision that must not act on a stale one.</summary>
    Task<CampaignState?> GetCurrentStateAsync(string campaignId, CancellationToken cancellationToken = default);

    Task PauseAsync(string campaignId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Pauses every campaign that sends this template and still has something to send; returns their ids.</summary>
    Task<IReadOnlyList<string>> PauseUsingTemplateAsync(string templateName, string language, string reason, CancellationToken cancellationToken = default);
}
