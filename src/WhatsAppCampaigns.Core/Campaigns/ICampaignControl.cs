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
/// What the rest of the product may ask of, or do to, a campaign without knowing how campaigns run:
/// the sender checks the state before each send; guardrails and template signals pause.
/// </summary>
public interface ICampaignControl
{
    /// <summary>Null for an unknown campaign. Cheap: callers hit it once per message (implementations cache briefly).</summary>
    Task<CampaignState?> GetStateAsync(string campaignId, CancellationToken cancellationToken = default);

    Task PauseAsync(string campaignId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Pauses every running campaign that sends this template; returns their ids.</summary>
    Task<IReadOnlyList<string>> PauseUsingTemplateAsync(string templateName, string language, string reason, CancellationToken cancellationToken = default);
}
