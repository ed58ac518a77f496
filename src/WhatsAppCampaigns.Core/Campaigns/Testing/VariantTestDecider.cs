using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.Core.Campaigns.Testing;

/// <summary>
/// The decide activity's work: per-variant counts from the message ledger's funnel, the decision rule, and the decision
/// stored on the campaign row (once: a decision already made, e.g. picked early, is returned as it is). When every
/// variant is dropped the campaign is paused.
/// </summary>
public sealed partial class VariantTestDecider(ICampaignStore campaigns, CampaignCommands commands, IMessageLedger ledger, TimeProvider clock, ILogger<VariantTestDecider> logger)
{
    /// <summary>Ledger counter of recipients who opted out after receiving the campaign (per variant with the <c>v_{name}_</c> prefix).</summary>
    public const string OptedOutAfterCounter = CampaignFunnel.OptedOutAfterCounter;

    public const string AllDroppedReason = "all_variants_dropped";

    public async Task<TestDecision> DecideAsync(string campaignId, CancellationToken ct = default)
    {
        var record = await campaigns.GetAsync(campaignId, ct) ?? throw new InvalidOperationException($"Campaign {campaignId} does not exist.");
        if (record.Decision is { } made)
        {
            return made;
        }

        var plan = record.Definition.Test ?? throw new InvalidOperationException($"Campaign {campaignId} has no variant test.");
        var decision = VariantDecisionRule.Decide(plan, await CountAsync(record.Definition, ct), clock.GetUtcNow());
        var (stored, _) = await commands.RecordDecisionAsync(campaignId, decision, ct);
        LogDecided(logger, campaignId, stored.Winner ?? "-", stored.Outcome);
        return stored;
    }

    /// <summary>The current per-variant counts (for the decision, and for the campaign view before it).</summary>
    public async Task<IReadOnlyList<VariantCounts>> CountAsync(CampaignDefinition campaign, CancellationToken ct = default) =>
        Counts(campaign, await ledger.GetFunnelAsync(campaign.Id, ct));

    public static IReadOnlyList<VariantCounts> Counts(CampaignDefinition campaign, CampaignFunnel funnel) =>
        campaign.Variants.Select(v =>
        {
            var f = funnel.ForVariant(v.Name);
            var successes = campaign.Test?.Metric == TestMetric.ConversionRate ? f.Converted : f.Read;
            return new VariantCounts(v.Name, f.Accepted, successes, f.Get(OptedOutAfterCounter), f.Failed);
        }).ToArray();

    /// <summary><c>POST /api/campaigns/{id}/winner</c>: records a manual decision; null if a decision exists already or the variant is unknown.</summary>
    public async Task<TestDecision?> PickAsync(string campaignId, string winner, CancellationToken ct = default)
    {
        var record = await campaigns.GetAsync(campaignId, ct);
        if (record?.Definition.Test is not { } plan || record.Decision is not null || record.Definition.Variants.All(v => v.Name != winner))
        {
            return null;
        }

        var computed = VariantDecisionRule.Decide(plan, await CountAsync(record.Definition, ct), clock.GetUtcNow());
        var (decision, stored) = await commands.RecordDecisionAsync(campaignId, computed with { Winner = winner, Outcome = TestOutcomes.PickedManually }, ct);
        return stored ? decision : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: variant test decided {Winner} ({Outcome})")]
    private static partial void LogDecided(ILogger logger, string campaignId, string winner, string outcome);
}
