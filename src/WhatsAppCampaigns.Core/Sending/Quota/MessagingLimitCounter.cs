using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Configuration;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Sending.Quota;

/// <summary>
/// The portfolio's moving-window quota in Table Storage, exact under any number of instances.
/// One row per portfolio holds the live buckets (<see cref="QuotaWindow"/>); every change is one conditional (ETag) write,
/// so no two instances can both take the last slot. An instance reserves a block of slots per write and hands them
/// out locally until its lease ends (bucket end or TTL); unused slots go back with its next write. Blocks shrink as the
/// limit nears, so little quota sits idle in other instances' leases.
/// </summary>
public sealed class MessagingLimitCounter(StorageClients storage, IOptions<SenderOptions> options, IOptions<WhatsAppOptions> whatsApp, TimeProvider time)
{
    public const string TableName = "QuotaCounters";
    private const string RowKey = "window";

    private readonly SenderOptions _options = options.Value;
    private readonly string _partition = string.IsNullOrEmpty(whatsApp.Value.BusinessPortfolioId) ? "default" : whatsApp.Value.BusinessPortfolioId;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<long, int> _pending = [];
    private TableClient? _table;
    private TableEntity? _cached;
    private Lease? _lease;
    private DateTimeOffset? _lastReservedAt;
    private (DateTimeOffset Until, QuotaWindow Window)? _full;

    /// <summary>How long a fresh "limit reached" answers later requests of this instance without a read.</summary>
    public static readonly TimeSpan FullCacheTtl = TimeSpan.FromSeconds(1);

    private TableClient Table => _table ??= storage.Table(TableName);

    public QuotaWindow NewWindow() => new(_options.QuotaBucket, _options.LimitWindow);

    /// <summary>Takes one slot for a recipient not yet counted in the window, or says when to try again.</summary>
    public async Task<QuotaGrant> TryAcquireAsync(int limit, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_lease is { } lease && lease.Remaining > 0 && lease.ValidUntil > now && lease.Bucket == NewWindow().BucketOf(now))
            {
                lease.Remaining--;
                return QuotaGrant.Slot(lease.Bucket);
            }

            if (_full is { } full && full.Until > now && _pending.Count == 0)
            {
                // Freshly seen full: while the limit is reached, waiting messages cost no storage transaction.
                return QuotaGrant.Denied(RetryAt(full.Window, limit, now));
            }

            var grant = QuotaGrant.Denied(now);
            await UpdateAsync(
                window =>
                {
                    grant = Reserve(window, limit, time.GetUtcNow());
                    return grant.Granted;
                },
                cancellationToken);
            return grant;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Gives back a slot that was not used (Graph refused the message, or another sender had counted the recipient).</summary>
    public async Task ReturnAsync(long bucket, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_lease is { } lease && lease.Bucket == bucket && lease.ValidUntil > time.GetUtcNow())
            {
                lease.Remaining++;
                return;
            }

            // Flushed with the next write; until then the slot just counts a little longer (never the other way).
            _pending[bucket] = (_pending.TryGetValue(bucket, out var count) ? count : 0) - 1;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A counted recipient messaged again stays counted until the new send plus the window: its slot moves buckets.</summary>
    public async Task MoveAsync(long from, long to, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await UpdateAsync(
                window =>
                {
                    window.Add(to, 1);
                    window.Add(from, -1);
                    return true;
                },
                cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The live window as stored (for diagnostics and tests).</summary>
    public async Task<QuotaWindow> ReadAsync(CancellationToken cancellationToken)
    {
        var entity = await Table.GetEntityIfExistsAsync<TableEntity>(_partition, RowKey, cancellationToken: cancellationToken);
        var window = QuotaWindow.Parse(entity.HasValue ? entity.Value!.GetString("Buckets") : null, _options.QuotaBucket, _options.LimitWindow);
        window.Prune(time.GetUtcNow());
        return window;
    }

    private QuotaGrant Reserve(QuotaWindow window, int limit, DateTimeOffset now)
    {
        var available = limit - window.Used;
        if (available <= 0)
        {
            _full = (now + FullCacheTtl, window);
            return QuotaGrant.Denied(RetryAt(window, limit, now));
        }

        _full = null;

        var current = window.BucketOf(now);
        var block = Math.Clamp(available / 8, 1, Math.Max(1, _options.QuotaBlockSize));
        window.Add(current, block);
        var validUntil = Min(now + _options.QuotaLeaseTtl, window.BucketEnd(current));
        _lease = new Lease(current, block - 1, validUntil);
        return QuotaGrant.Slot(current);
    }

    // Spread the waiters over the times slots free, rather than waking all of them at the first release.
    private DateTimeOffset RetryAt(QuotaWindow window, int limit, DateTimeOffset now)
    {
        if (_lastReservedAt is { } last && last + _options.QuotaLeaseTtl > now)
        {
            // Another instance may give back unused slots when its lease ends.
            return last + _options.QuotaLeaseTtl + TimeSpan.FromSeconds(1);
        }

        var nth = Random.Shared.Next(1, Math.Max(1, Math.Min(window.Used, limit)) + 1);
        var release = window.ReleaseOfNth(nth) ?? now + _options.QuotaBucket;
        return release + TimeSpan.FromTicks(Random.Shared.NextInt64(Math.Max(1, _options.QuotaBucket.Ticks)));
    }

    /// <summary>
    /// Read (or reuse the last read), change, write with the ETag; on a conflict re-read and do it again.
    /// <paramref name="change"/> returns false when it refused on what it saw: that is only trusted on fresh data.
    /// </summary>
    private Task UpdateAsync(Func<QuotaWindow, bool> change, CancellationToken cancellationToken)
    {
        var lease = _lease;
        return OptimisticWrite.RunAsync(
            async ct =>
            {
                while (true)
                {
                    var now = time.GetUtcNow();
                    var fresh = _cached is null;
                    var entity = _cached ?? await ReadEntityAsync(ct);
                    var stored = entity.GetString("Buckets") ?? "";
                    _lastReservedAt = entity.GetDateTimeOffset("LastReservedAt");
                    var window = QuotaWindow.Parse(stored, _options.QuotaBucket, _options.LimitWindow);
                    window.Prune(now);
                    var leaseEnded = lease is { Remaining: > 0 } && (lease.ValidUntil <= now || lease.Bucket != window.BucketOf(now));
                    if (leaseEnded)
                    {
                        window.Add(lease!.Bucket, -lease.Remaining);
                    }

                    foreach (var (bucket, delta) in _pending)
                    {
                        window.Add(bucket, delta);
                    }

                    _lease = lease;
                    if (!change(window) && !fresh)
                    {
                        _cached = null;
                        continue;
                    }

                    var reserved = _lease != lease;
                    if (!reserved && window.Format() == stored)
                    {
                        return;
                    }

                    var updated = new TableEntity(_partition, RowKey)
                    {
                        ["Buckets"] = window.Format(),
                        ["LastReservedAt"] = reserved ? now : _lastReservedAt,
                        ETag = entity.ETag,
                    };
                    updated.ETag = await Table.WriteAsync(updated, ct);
                    _cached = OptimisticWrite.IsNew(updated) ? null : updated;
                    _pending.Clear();
                    if (leaseEnded && !reserved)
                    {
                        _lease = null;
                    }

                    return;
                }
            },
            cancellationToken,
            onConflict: () =>
            {
                // Someone else wrote first: forget what this attempt decided, re-read and decide again.
                _lease = lease;
                _cached = null;
                return Task.CompletedTask;
            });
    }

    private async Task<TableEntity> ReadEntityAsync(CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(_partition, RowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value! : new TableEntity(_partition, RowKey);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed class Lease(long bucket, int remaining, DateTimeOffset validUntil)
    {
        public long Bucket { get; } = bucket;

        public int Remaining { get; set; } = remaining;

        public DateTimeOffset ValidUntil { get; } = validUntil;
    }
}
