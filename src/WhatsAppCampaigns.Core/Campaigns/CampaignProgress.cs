namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>What the fan-out has done so far: each recipient is counted once, as enqueued or skipped for a reason.</summary>
public sealed record FanOutTotals(long AudienceSize, long Enqueued, IReadOnlyDictionary<string, long> Skipped, int Pages)
{
    public static readonly FanOutTotals Zero = new(0, 0, new Dictionary<string, long>(), 0);

    public FanOutTotals Add(FanOutPageResult page)
    {
        var skipped = new Dictionary<string, long>(Skipped);
        foreach (var (reason, count) in page.Skipped)
        {
            skipped[reason] = skipped.GetValueOrDefault(reason) + count;
        }

        return new FanOutTotals(AudienceSize + page.Recipients, Enqueued + page.Enqueued, skipped, Pages + 1);
    }
}

/// <summary>The orchestration's custom status: readable while it runs.</summary>
public sealed record CampaignRunStatus(string State, int Generation, FanOutTotals Totals);
