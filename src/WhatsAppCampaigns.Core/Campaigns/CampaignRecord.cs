namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>A campaign's stored row: its definition and the state every sender obeys.</summary>
/// <param name="Started">The scheduled start has passed and fan-out began.</param>
/// <param name="FanOutComplete">Every recipient has been enqueued or skipped (messages may still be in the queue).</param>
/// <param name="Decision">The variant test's decision, once made.</param>
/// <param name="Totals">The fan-out's totals as last persisted (at the end); while running, the orchestration's custom status is fresher.</param>
public sealed record CampaignRecord(
    CampaignDefinition Definition,
    CampaignState State,
    string? Reason,
    bool Started,
    bool FanOutComplete,
    FanOutTotals Totals,
    DateTimeOffset UpdatedAt,
    Testing.TestDecision? Decision = null);
