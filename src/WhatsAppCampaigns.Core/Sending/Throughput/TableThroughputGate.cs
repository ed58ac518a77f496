using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Sending.Throughput;

/// <summary>
/// Per-number throughput across instances: one counter row per (number, second), in a ring of rows so the table does
/// not grow. An instance claims a block of that second's send slots with one ETag write and spends them locally; each
/// slot has its own start time (<c>second + index / rate</c>), so sends are spread evenly and no sliding second, as
/// Meta (and the simulator) measure it, sees more than the rate; a little headroom absorbs timer and network jitter. A 130429 halves this instance's rate for the number;
/// it then climbs back a twentieth of the configured rate per second.
/// </summary>
public sealed class TableThroughputGate(StorageClients storage, IOptions<SenderOptions> options, TimeProvider time) : IThroughputGate
{
    public const string TableName = "Throughput";
    private const int Ring = 120;

    private readonly SenderOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, NumberState> _numbers = new();
    private TableClient? _table;

    private TableClient Table => _table ??= storage.Table(TableName);

    public async Task<ThroughputPermit> AcquireAsync(string phoneNumberId, int messagesPerSecond, CancellationToken cancellationToken)
    {
        var state = _numbers.GetOrAdd(phoneNumberId, _ => new NumberState());
        var giveUpAt = time.GetUtcNow() + _options.MaxThroughputWait;
        while (true)
        {
            var (slot, lateTolerance) = await NextSlotAsync(phoneNumberId, messagesPerSecond, state, cancellationToken);
            if (slot is null || slot > giveUpAt)
            {
                return new ThroughputPermit(false, giveUpAt);
            }

            var wait = slot.Value - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            // Woken too late (a busy machine): this slot would bunch with the next ones, so take another.
            if (time.GetUtcNow() - slot.Value <= lateTolerance)
            {
                return ThroughputPermit.Now;
            }
        }
    }

    public void ReportRateLimited(string phoneNumberId) =>
        _numbers.GetOrAdd(phoneNumberId, _ => new NumberState()).SlowDown(time.GetUtcNow());

    /// <summary>Scheduler wake-ups on a loaded host are often a few milliseconds late; 25 ms absorbs them.</summary>
    public static readonly TimeSpan MinimumLateTolerance = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Slots per second and how late a slot may still be used. <c>n</c> slots a second, each used at most <c>t</c> late,
    /// put at most <c>n·(1 s + t) + 1</c> sends in any sliding second; that stays within the limit <c>r</c> while
    /// <c>t ≤ (r − 1 − n)/n</c>. <c>n</c> starts at headroom × <c>r</c>; at low rates that leaves no lateness at all
    /// (20/s at 0.95: 19 slots, 0 ms), and a gate that may never be late wastes most slots on a busy machine, so
    /// <c>n</c> is lowered until at least <see cref="MinimumLateTolerance"/> is allowed (20/s: 18 slots, 55 ms).
    /// </summary>
    public static (int SlotsPerSecond, TimeSpan LateTolerance) Pace(int limit, double headroom)
    {
        var slots = Math.Max(1, (int)(limit * headroom));
        while (slots > 1 && (limit - 1.0 - slots) / slots < MinimumLateTolerance.TotalSeconds)
        {
            slots--;
        }

        return (slots, TimeSpan.FromSeconds(Math.Max(0, (limit - 1.0 - slots) / slots)));
    }

    private async Task<(DateTimeOffset? Slot, TimeSpan LateTolerance)> NextSlotAsync(string phoneNumberId, int messagesPerSecond, NumberState state, CancellationToken cancellationToken)
    {
        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var limit = state.EffectiveRate(messagesPerSecond, now);
            var (rate, tolerance) = Pace(limit, _options.ThroughputHeadroom);
            // A slot already past is dropped, not used late: late sends would bunch up with the next ones.
            while (state.Next < state.End && state.SlotTime(state.Next) < now - tolerance)
            {
                state.Next++;
            }

            if ((state.Next >= state.End || state.Second < Second(now)) && !await ClaimAsync(phoneNumberId, state, rate, now, cancellationToken))
            {
                return (null, tolerance);
            }

            return (state.SlotTime(state.Next++), tolerance);
        }
        finally
        {
            state.Gate.Release();
        }
    }

    private static long Second(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerSecond;

    // Claims a block in the current second, or a later one within the longest allowed wait.
    private async Task<bool> ClaimAsync(string phoneNumberId, NumberState state, int rate, DateTimeOffset now, CancellationToken ct)
    {
        var block = Math.Max(1, rate / 8);
        var last = Second(now + _options.MaxThroughputWait);
        for (var second = Second(now); second <= last; second++)
        {
            var key = (second % Ring).ToString("D3", CultureInfo.InvariantCulture);
            var claimed = await OptimisticWrite.RunAsync(
                async token =>
                {
                    var entity = state.Cached.TryGetValue(key, out var cached) ? cached : await ReadAsync(phoneNumberId, key, token);
                    var used = entity.GetInt64("Second") == second ? entity.GetInt32("Used") ?? 0 : 0;
                    // Slots of this second that are already past are skipped by everyone, so nobody sends them in a burst.
                    var firstUsable = (int)Math.Min(rate, Math.Max(0, Math.Ceiling((now - new DateTimeOffset(second * TimeSpan.TicksPerSecond, TimeSpan.Zero)).TotalSeconds * rate)));
                    used = Math.Max(used, firstUsable);
                    if (used >= rate)
                    {
                        return false;
                    }

                    var take = Math.Min(block, rate - used);
                    var updated = new TableEntity(phoneNumberId, key) { ["Second"] = second, ["Used"] = used + take, ETag = entity.ETag };
                    updated.ETag = await Table.WriteAsync(updated, token);
                    state.Cached[key] = updated;
                    (state.Second, state.Next, state.End, state.Rate) = (second, used, used + take, rate);
                    return true;
                },
                ct,
                onConflict: async () => state.Cached[key] = await ReadAsync(phoneNumberId, key, ct));
            if (claimed)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<TableEntity> ReadAsync(string phoneNumberId, string key, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(phoneNumberId, key, cancellationToken: ct);
        return response.HasValue ? response.Value! : new TableEntity(phoneNumberId, key);
    }

    private sealed class NumberState
    {
        private double? _reduced;
        private DateTimeOffset _reducedAt;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Dictionary<string, TableEntity> Cached { get; } = [];

        public long Second { get; set; }

        public long Next { get; set; }

        public long End { get; set; }

        public int Rate { get; set; } = 1;

        public DateTimeOffset SlotTime(long index) => new(Second * TimeSpan.TicksPerSecond + (index * TimeSpan.TicksPerSecond / Rate), TimeSpan.Zero);

        public void SlowDown(DateTimeOffset now)
        {
            lock (Cached)
            {
                _reduced = Math.Max(1, (_reduced ?? Rate) / 2);
                _reducedAt = now;
            }
        }

        public int EffectiveRate(int configured, DateTimeOffset now)
        {
            lock (Cached)
            {
                if (_reduced is not { } reduced)
                {
                    return configured;
                }

                var recovered = reduced + (configured / 20.0 * (now - _reducedAt).TotalSeconds);
                if (recovered >= configured)
                {
                    _reduced = null;
                    return configured;
                }

                return Math.Max(1, (int)recovered);
            }
        }
    }
}
