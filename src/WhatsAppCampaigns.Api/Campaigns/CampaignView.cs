using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.Api.Campaigns;

/// <summary>The body of <c>GET /api/campaigns/{id}</c>: state, fan-out totals and the send funnel, overall and per variant.</summary>
public static class CampaignView
{
    /// <summary>The message ledger counter for recipients who opted out after receiving the campaign.</summary>
    public const string OptedOutAfterCounter = "opted_out_after";

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
