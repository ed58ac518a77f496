using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Campaigns.Testing;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending;

namespace WhatsAppCampaigns.Api.Campaigns;

/// <summary>
/// The body of <c>GET /api/campaigns/{id}</c>: state; the fan-out (audience read, enqueued, skipped) apart from the
/// sending (what is still to send, and what it waits for, with when it is due again); the funnel, overall and per variant.
/// </summary>
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
            sending = Sending(record, totals, funnel),
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

    /// <summary>
    /// Sending apart from the fan-out: done once every enqueued message has an outcome. Pending work is what was enqueued
    /// and has none yet; of it, what waits for a reason (grouped by <see cref="PendingReasons"/>) with the earliest time one
    /// is due again, and the rest queued or being sent now.
    /// </summary>
    private static object Sending(CampaignRecord record, FanOutTotals totals, CampaignFunnel funnel)
    {
        var pending = Math.Max(0, totals.Enqueued - funnel.Done);
        var waiting = new Dictionary<string, (long Count, DateTimeOffset? Next)>(StringComparer.Ordinal);
        foreach (var (reason, count) in funnel.WaitingByReason)
        {
            var group = PendingReasons.GroupOf(reason);
            var next = funnel.NextAttempts?.GetValueOrDefault(reason) is { } at && at != default ? at : (DateTimeOffset?)null;
            var (sum, earliest) = waiting.GetValueOrDefault(group);
            waiting[group] = (sum + count, earliest is null || (next is not null && next < earliest) ? next : earliest);
        }

        var waitingTotal = Math.Min(pending, waiting.Values.Sum(w => w.Count));
        return new
        {
            complete = record.State == CampaignState.Completed,
            done = funnel.Done,
            pending,
            queued = pending - waitingTotal,
            waiting = waiting.ToDictionary(w => w.Key, w => new { count = w.Value.Count, nextAttemptAt = w.Value.Next }),
        };
    }

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
