using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Campaigns.Testing;
using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.Api.Campaigns;

/// <summary>The body of <c>GET /api/campaigns/{id}</c>: state, fan-out totals and the send funnel, overall and per variant.</summary>
public static class CampaignView
{
    /// <summary>The message ledger counter for recipients who opted out after receiving the campaign.</summary>
    public const string OptedOutAfterCounter = VariantTestDecider.OptedOutAfterCounter;

    public static object Create(CampaignRecord record, FanOutTotals totals, int? generation, CampaignFunnel funnel)
    {
        var campaign = record.Definition;
        return new
        {
            id = campaign.Id,
            name = campaign.Name,
            kind = campaign.Kind == CampaignKind.ConsentNotice ? "consent_notice" : "standard",
            category = campaign.Category.ToString().ToUpperInvariant(),
            state = record.State.ToString().ToLowerInvariant(),
            reason = record.Reason,
            startAt = campaign.StartAt,
            fanOutComplete = record.FanOutComplete,
            generation,
            progress = Progress(totals.AudienceSize, totals.Enqueued, totals.Skipped, funnel),
            variants = campaign.Variants.ToDictionary(
                v => v.Name,
                v => new { template = v.TemplateName, language = v.Language, weight = v.Weight, funnel = Funnel(campaign.Variants.Count > 1 ? funnel.ForVariant(v.Name) : funnel) }),
            test = Test(record, funnel),
        };
    }

    /// <summary>
    /// The plan; each variant's sample size and metric with its confidence interval, now (from the live funnel) and as
    /// decided; and the decision with when it was made. Null for a campaign without a test.
    /// </summary>
    private static object? Test(CampaignRecord record, CampaignFunnel funnel)
    {
        if (record.Definition.Test is not { } plan)
        {
            return null;
        }

        var now = VariantDecisionRule.Decide(plan, VariantTestDecider.Counts(record.Definition, funnel), DateTimeOffset.MinValue);
        return new
        {
            sampleShare = plan.SampleShare,
            holdoutShare = plan.HoldoutShare,
            windowHours = plan.Window.TotalHours,
            metric = plan.Metric == TestMetric.ConversionRate ? "conversion_rate" : "read_rate",
            confidence = plan.Confidence,
            minSamplePerVariant = plan.MinSamplePerVariant,
            defaultVariant = plan.DefaultVariant,
            current = now.Variants.ToDictionary(v => v.Name, Stats),
            decision = record.Decision is not { } d ? null : new
            {
                winner = d.Winner,
                outcome = d.Outcome,
                pValue = d.PValue,
                decidedAt = d.DecidedAt,
                variants = d.Variants.ToDictionary(v => v.Name, Stats),
            },
        };
    }

    private static object Stats(VariantStats v) => new
    {
        sample = v.Sample,
        successes = v.Successes,
        rate = v.Rate,
        confidenceInterval = new[] { v.Low, v.High },
        optOutRate = v.OptOutRate,
        failureRate = v.FailureRate,
        dropped = v.Dropped,
    };

    private static object Progress(long audienceSize, long enqueued, IReadOnlyDictionary<string, long> skippedAtFanOut, CampaignFunnel funnel)
    {
        // Skips decided at fan-out and at send time (consent withdrawn since, campaign cancelled) are reported together.
        var skipped = new Dictionary<string, long>(skippedAtFanOut);
        foreach (var (reason, count) in funnel.SkippedByReason)
        {
            skipped[reason] = skipped.GetValueOrDefault(reason) + count;
        }

        return new
        {
            audienceSize,
            enqueued,
            skipped = skipped.Values.Sum(),
            skippedByReason = skipped,
            funnel = Funnel(funnel),
        };
    }

    private static object Funnel(CampaignFunnel funnel) => new
    {
        accepted = funnel.Accepted,
        sent = funnel.Sent,
        delivered = funnel.Delivered,
        read = funnel.Read,
        failed = funnel.Failed,
        failedByCode = funnel.FailedByCode,
        optedOutAfter = funnel.Get(OptedOutAfterCounter),
        converted = funnel.Converted,
        revenueMinorByCurrency = funnel.RevenueMinor,
    };
}
