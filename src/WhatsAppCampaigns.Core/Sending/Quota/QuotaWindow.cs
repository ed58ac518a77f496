using System.Globalization;
using System.Text;

namespace WhatsAppCampaigns.Core.Sending.Quota;

/// <summary>
/// The portfolio's quota slots in time buckets: a slot taken in bucket <c>b</c> is held until <c>b</c>'s end plus the
/// window, which is never earlier than the real send plus the window. So the sum of live buckets is always at least the
/// number of unique recipients in the moving window, and the limit holds whatever the bucket size.
/// Stored as one compact string (<c>bucket:count,…</c>) so reserving, returning and moving slots is one ETag write.
/// </summary>
public sealed class QuotaWindow(TimeSpan bucket, TimeSpan window)
{
    private readonly SortedDictionary<long, int> _counts = [];

    public TimeSpan Bucket { get; } = bucket;

    public TimeSpan Window { get; } = window;

    public int Used => _counts.Values.Sum();

    public IReadOnlyDictionary<long, int> Counts => _counts;

    public long BucketOf(DateTimeOffset at) => at.UtcTicks / Bucket.Ticks;

    public DateTimeOffset BucketEnd(long index) => new((index + 1) * Bucket.Ticks, TimeSpan.Zero);

    /// <summary>When the slots of a bucket become free again.</summary>
    public DateTimeOffset ReleaseOf(long index) => BucketEnd(index) + Window;

    public bool IsLive(long index, DateTimeOffset now) => ReleaseOf(index) > now;

    public static QuotaWindow Parse(string? text, TimeSpan bucket, TimeSpan window)
    {
        var result = new QuotaWindow(bucket, window);
        foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.IndexOf(':');
            result.Add(long.Parse(pair[..colon], CultureInfo.InvariantCulture), int.Parse(pair[(colon + 1)..], CultureInfo.InvariantCulture));
        }

        return result;
    }

    public string Format()
    {
        var text = new StringBuilder();
        foreach (var (index, count) in _counts)
        {
            text.Append(text.Length == 0 ? "" : ",").Append(index.ToString(CultureInfo.InvariantCulture)).Append(':').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Adds (or, negative, removes) slots; a bucket never goes below zero.</summary>
    public void Add(long index, int delta)
    {
        var count = Math.Max(0, (_counts.TryGetValue(index, out var current) ? current : 0) + delta);
        if (count == 0)
        {
            _counts.Remove(index);
        }
        else
        {
            _counts[index] = count;
        }
    }

    /// <summary>Drops the buckets whose slots are free again; returns whether anything changed.</summary>
    public bool Prune(DateTimeOffset now)
    {
        var expired = _counts.Keys.Where(index => !IsLive(index, now)).ToArray();
        foreach (var index in expired)
        {
            _counts.Remove(index);
        }

        return expired.Length > 0;
    }

    /// <summary>When the <paramref name="nth"/> slot (1-based, oldest first) frees; null if fewer are held.</summary>
    public DateTimeOffset? ReleaseOfNth(int nth)
    {
        var freed = 0;
        foreach (var (index, count) in _counts)
        {
            freed += count;
            if (freed >= nth)
            {
                return ReleaseOf(index);
            }
        }

        return null;
    }
}
