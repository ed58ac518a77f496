using System.Collections.Concurrent;

namespace WhatsAppCampaigns.CloudApiSimulator.Limits;

/// <summary>
/// Token bucket per (business number, user): refills one message per interval and holds up to the burst,
/// which is how a burst "borrows from later quota" (131056 when empty).
/// </summary>
internal sealed class PairRateLimiter(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string PhoneNumberId, string WaId), Bucket> _buckets = new();

    public bool TryAcquire(string phoneNumberId, string waId, TimeSpan interval, int burst)
    {
        var now = time.GetUtcNow();
        var capacity = Math.Max(1, burst);
        var bucket = _buckets.GetOrAdd((phoneNumberId, waId), static (_, state) => new Bucket(state.capacity, state.now), (capacity, now));
        lock (bucket)
        {
            if (interval > TimeSpan.Zero)
            {
                var refill = (now - bucket.LastRefill) / interval;
                bucket.Tokens = Math.Min(capacity, bucket.Tokens + Math.Max(0, refill));
            }
            else
            {
                bucket.Tokens = capacity;
            }
            bucket.LastRefill = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }
            bucket.Tokens -= 1;
            return true;
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset lastRefill)
    {
        public double Tokens { get; set; } = tokens;
        public DateTimeOffset LastRefill { get; set; } = lastRefill;
    }
}
