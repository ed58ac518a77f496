using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.Core.Sending;

/// <summary>
/// Pauses a campaign whose opt-out rate or failure rate, among messages whose delivery has concluded (delivered or
/// failed), passes its threshold after a minimum sample. Opt-outs are Graph's 131050 answers plus the funnel's
/// <c>opted_out_after</c> counter (opt-outs attributed to this campaign's delivered messages). The funnel is read once per <see cref="SenderOptions.GuardrailCheckEvery"/> results
/// per instance, so the check costs almost nothing per message.
/// </summary>
public sealed class CampaignGuardrails(IMessageLedger ledger, ICampaignControl campaigns, IOptions<SenderOptions> options, ILogger<CampaignGuardrails> logger)
{
    private readonly ConcurrentDictionary<string, int> _results = new();

    public async Task ObserveAsync(string campaignId, CancellationToken ct)
    {
        var settings = options.Value;
        if (JourneyStep.IsStep(campaignId)
            || _results.AddOrUpdate(campaignId, 1, (_, n) => n + 1) % Math.Max(1, settings.GuardrailCheckEvery) != 0)
        {
            return;
        }

        var funnel = await ledger.GetFunnelAsync(campaignId, ct);
        if (Breach(funnel, settings) is { } reason)
        {
            await campaigns.PauseAsync(campaignId, reason, ct);
            SenderLog.CampaignPaused(logger, campaignId, reason);
        }
    }

    public static string? Breach(CampaignFunnel funnel, SenderOptions settings)
    {
        var concluded = funnel.Delivered + funnel.Failed;
        if (concluded < settings.GuardrailMinimumSample)
        {
            return null;
        }

        var optOuts = funnel.Get("failed_131050") + funnel.OptedOutAfter;
        if ((double)optOuts / concluded > settings.GuardrailMaxOptOutRate)
        {
            return "guardrail_opt_out_rate";
        }

        return (double)funnel.Failed / concluded > settings.GuardrailMaxFailureRate ? "guardrail_failure_rate" : null;
    }
}
