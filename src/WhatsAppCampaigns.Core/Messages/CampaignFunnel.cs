namespace WhatsAppCampaigns.Core.Messages;

/// <summary>
/// A campaign's counters. A message counts once in every state it passed through (read implies delivered and sent),
/// so the funnel is monotonic: accepted ≥ sent ≥ delivered ≥ read.
/// Counter names: <c>accepted</c>, <c>sent</c>, <c>delivered</c>, <c>read</c>, <c>failed</c>, <c>failed_{code}</c>,
/// <c>skipped</c>, <c>skipped_{reason}</c>, <c>converted</c>, <c>revenue_{currency}</c>, <c>opted_out_after</c>, and the
/// same prefixed <c>v_{variant}_</c> per variant.
/// </summary>
public sealed record CampaignFunnel(string CampaignId, IReadOnlyDictionary<string, long> Counters)
{
    /// <summary>Recipients who opted out of marketing after the message was delivered to them (last touch, once per recipient).</summary>
    public const string OptedOutAfterCounter = "opted_out_after";

    public long Accepted => Get("accepted");

    public long Sent => Get("sent");

    public long Delivered => Get("delivered");

    public long Read => Get("read");

    public long Failed => Get("failed");

    public long Skipped => Get("skipped");

    public long Converted => Get("converted");

    public long OptedOutAfter => Get(OptedOutAfterCounter);

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
