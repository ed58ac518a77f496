namespace WhatsAppCampaigns.Core.Messages;

/// <summary>
/// A campaign's counters. A message counts once in every state it passed through (read implies delivered and sent),
/// so the funnel is monotonic: accepted ≥ sent ≥ delivered ≥ read.
/// Counter names: <c>accepted</c>, <c>sent</c>, <c>delivered</c>, <c>read</c>, <c>failed</c>, <c>failed_{code}</c>,
/// <c>skipped</c>, <c>skipped_{reason}</c>, <c>converted</c>, <c>revenue_{currency}</c>, <c>opted_out_after</c>, and the
/// same prefixed <c>v_{variant}_</c> per variant; and for sending progress <c>target</c> (what the fan-out enqueued),
/// <c>done</c> (messages that reached an outcome: accepted, failed or skipped) and <c>waiting_{reason}</c>.
/// </summary>
/// <param name="NextAttempts">Per waiting reason, the earliest time a waiting message is due again (as recorded).</param>
public sealed record CampaignFunnel(string CampaignId, IReadOnlyDictionary<string, long> Counters, IReadOnlyDictionary<string, DateTimeOffset>? NextAttempts = null)
{
    /// <summary>Recipients who opted out of marketing after the message was delivered to them (last touch, once per recipient).</summary>
    public const string OptedOutAfterCounter = "opted_out_after";

    public const string WaitingPrefix = "waiting_";

    public long Accepted => Get("accepted");

    public long Sent => Get("sent");

    public long Delivered => Get("delivered");

    public long Read => Get("read");

    public long Failed => Get("failed");

    public long Skipped => Get("skipped");

    public long Converted => Get("converted");

    public long OptedOutAfter => Get(OptedOutAfterCounter);

    /// <summary>Messages the fan-out enqueued, once it has finished (0 before).</summary>
    public long Target => Get("target");

    /// <summary>Messages that reached an outcome.</summary>
    public long Done => Get("done");

    /// <summary>Messages still to send, once the fan-out has finished.</summary>
    public long Pending => Math.Max(0, Target - Done);

    /// <summary>Of <see cref="Pending"/>, those deferred, by reason (the rest are queued or being sent).</summary>
    public IReadOnlyDictionary<string, long> WaitingByReason => WithPrefix(WaitingPrefix).Where(w => w.Value > 0).ToDictionary(w => w.Key, w => w.Value);

    /// <summary>Attributed revenue per currency, in minor units.</summary>
    public IReadOnlyDictionary<string, long> RevenueMinor => WithPrefix("revenue_");

    public long Get(string counter) => Counters.TryGetValue(counter, out var value) ? value : 0;

    public IReadOnlyDictionary<string, long> WithPrefix(string prefix) =>
        Counters.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(c => c.Key[prefix.Length..], c => c.Value);

    public IReadOnlyDictionary<string, long> FailedByCode => WithPrefix("failed_");

    public IReadOnlyDictionary<string, long> SkippedByReason => WithPrefix("skipped_");

    public CampaignFunnel ForVariant(string variant) => new(CampaignId, WithPrefix($"v_{variant}_"));
}
