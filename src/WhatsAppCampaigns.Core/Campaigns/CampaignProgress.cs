namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>What the fan-out has done so far: each recipient is counted once, as enqueued or skipped for a reason.</summary>
/// <param name="EnqueuedByShard">Enqueued per message-ledger shard; null when a page did not say (recorded before it was counted).</param>
public sealed record FanOutTotals(long AudienceSize, long Enqueued, IReadOnlyDictionary<string, long> Skipped, int Pages, IReadOnlyList<long>? EnqueuedByShard = null)
{
    public static readonly FanOutTotals Zero = new(0, 0, new Dictionary<string, long>(), 0, new long[Messages.MessageShards.Count]);

    public FanOutTotals Add(FanOutPageResult page)
    {
        var skipped = new Dictionary<string, long>(Skipped);
        foreach (var (reason, count) in page.Skipped)
        {
            skipped[reason] = skipped.GetValueOrDefault(reason) + count;
        }

        var byShard = EnqueuedByShard is { } mine && page.EnqueuedByShard is { } theirs
            ? mine.Zip(theirs, (a, b) => a + b).ToArray()
            : page.Enqueued == 0 ? EnqueuedByShard : null;
        return new FanOutTotals(AudienceSize + page.Recipients, Enqueued + page.Enqueued, skipped, Pages + 1, byShard);
    }
}

/// <summary>The orchestration's custom status: readable while it runs.</summary>
public sealed record CampaignRunStatus(string State, int Generation, FanOutTotals Totals);
