using System.Collections.Concurrent;

namespace WhatsAppCampaigns.CloudApiSimulator.Limits;

/// <summary>Marketing templates counted against each user in a moving 24 h (the per-user marketing limit, 131049).</summary>
internal sealed class MarketingFrequencyTracker(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _received = new();

    /// <summary>Counts one marketing message for the user unless they already had <paramref name="limit"/> in 24 h.</summary>
    public bool TryCount(string waId, int? limit)
    {
        if (limit is null)
        {
            return true;
        }
        var now = time.GetUtcNow();
        var received = _received.GetOrAdd(waId, static _ => new Queue<DateTimeOffset>());
        lock (received)
        {
            while (received.Count > 0 && now - received.Peek() >= Window)
            {
                received.Dequeue();
            }
            if (received.Count >= limit.Value)
            {
                return false;
            }
            received.Enqueue(now);
            return true;
        }
    }
}
