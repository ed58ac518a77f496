using System.Collections.Concurrent;

namespace WhatsAppCampaigns.CloudApiSimulator.Limits;

/// <summary>Per phone number sliding one-second window of send calls (Meta's throughput, 130429 when over).</summary>
internal sealed class ThroughputLimiter(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _windows = new();

    /// <summary>Counts one call unless the number already made <paramref name="perSecond"/> in the last second.</summary>
    public bool TryAcquire(string phoneNumberId, int perSecond)
    {
        var window = _windows.GetOrAdd(phoneNumberId, static _ => new Queue<DateTimeOffset>());
        var now = time.GetUtcNow();
        // One short lock per number: no I/O inside, and numbers do not contend with each other.
        lock (window)
        {
            while (window.Count > 0 && now - window.Peek() >= Window)
            {
                window.Dequeue();
            }
            if (window.Count >= perSecond)
            {
                return false;
            }
            window.Enqueue(now);
            return true;
        }
    }
}
