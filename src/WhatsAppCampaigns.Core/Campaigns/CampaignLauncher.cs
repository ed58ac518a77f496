using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>What a person asks for; the launcher adds the id, category and creation time.</summary>
public sealed record CampaignDraft(
    string Name,
    CampaignKind Kind,
    IReadOnlyList<CampaignVariant> Variants,
    Audiences.Segment Audience,
    IReadOnlyList<ParameterMapping> Parameters,
    DateTimeOffset? StartAt,
    Sending.SendPolicy Policy,
    IReadOnlyList<string> PhoneNumberIds,
    Testing.TestPlan? Test = null);

/// <param name="Audience">How many contacts the campaign targets (counted up to <see cref="CampaignOptions.LaunchCountLimit"/>).</param>
public sealed record LaunchResult(CampaignDefinition? Campaign, IReadOnlyList<PolicyViolation> Violations, Audiences.AudienceSize? Audience = null);

/// <summary>Checks policy, stores the campaign and starts its orchestration (instance id = campaign id). Refused = nothing stored, nothing started.</summary>
public sealed partial class CampaignLauncher(
    LaunchPolicy policy,
    ICampaignStore campaigns,
    TimeProvider clock,
    IOptions<CampaignOptions> options,
    ILogger<CampaignLauncher> logger)
{
    public async Task<LaunchResult> LaunchAsync(CampaignDraft draft, DurableTaskClient durable, CancellationToken ct = default)
    {
        var (category, violations, audience) = await policy.CheckAsync(draft.Kind, draft.Variants, draft.Audience, draft.Parameters.Count, ct);
        if (category is null || violations.Count > 0)
        {
            LogRefused(logger, draft.Name, string.Join(",", violations.Select(v => v.Code)));
            return new LaunchResult(null, violations, audience);
        }

        var now = clock.GetUtcNow();
        var campaign = new CampaignDefinition(
            Guid.NewGuid().ToString("N"), draft.Name, draft.Kind, category.Value, draft.Variants, draft.Audience,
            draft.Parameters, draft.StartAt, draft.Policy, draft.PhoneNumberIds, now, draft.Test);
        await campaigns.CreateAsync(new CampaignRecord(campaign, CampaignState.Scheduled, null, false, false, FanOutTotals.Zero, now), ct);
        await durable.ScheduleNewOrchestrationInstanceAsync(
            CampaignTaskNames.Orchestrator,
            new CampaignRunInput(campaign.Id, campaign.StartAt, options.Value.PagesPerGeneration)
            {
                Phase = campaign.Test is null ? null : FanOutPhases.Sample,
                TestWindow = campaign.Test?.Window,
            },
            new StartOrchestrationOptions(campaign.Id),
            ct);
        LogLaunched(logger, campaign.Id, campaign.Category.ToString(), campaign.StartAt);
        return new LaunchResult(campaign, [], audience);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} launched ({Category}, start {StartAt})")]
    private static partial void LogLaunched(ILogger logger, string campaignId, string category, DateTimeOffset? startAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {Name} refused: {Codes}")]
    private static partial void LogRefused(ILogger logger, string name, string codes);
}
