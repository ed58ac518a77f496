using Azure;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Carts;

/// <summary>
/// Carts (PK = shard of the cart id, RK = cart id) and the due-time index (PK = shard, RK = due ticks + cart id)
/// that lets the timer read only what is due: a range query per shard, never a scan of all carts.
/// </summary>
public sealed class CartStore(StorageClients storage)
{
    public const string CartsTable = "Carts";
    public const string DueTable = "CartDue";
    public const string EventsTable = "CartEvents";
    private const int Shards = 8;

    private readonly TableClient _carts = storage.Table(CartsTable);
    private readonly TableClient _due = storage.Table(DueTable);
    private readonly TableClient _events = storage.Table(EventsTable);

    public async Task<(CartState? Cart, ETag ETag)> GetAsync(string cartId, CancellationToken ct)
    {
        var row = await _carts.GetEntityIfExistsAsync<TableEntity>(Shard(cartId), cartId, cancellationToken: ct);
        return row.HasValue ? (CartEntityMapper.ToState(row.Value!), row.Value!.ETag) : (null, default);
    }

    /// <summary>Writes the cart if nobody changed it since <paramref name="etag"/> (default = it must not exist yet); a conflict throws (for <see cref="OptimisticWrite"/>).</summary>
    public async Task SaveAsync(CartState cart, ETag etag, CancellationToken ct)
    {
        var entity = CartEntityMapper.ToEntity(cart, Shard(cart.CartId));
        entity.ETag = etag;
        await _carts.WriteAsync(entity, ct);
    }

    /// <summary>As <see cref="SaveAsync"/>, but false when another writer moved the cart first (it then says what is due).</summary>
    public async Task<bool> TrySaveAsync(CartState cart, ETag etag, CancellationToken ct)
    {
        try
        {
            await SaveAsync(cart, etag, ct);
            return true;
        }
        catch (RequestFailedException ex) when (OptimisticWrite.IsConflict(ex))
        {
            return false;
        }
    }

    /// <summary>Bulk load (imports, tests): one entity-group transaction per 100 carts of a shard, due entries likewise.</summary>
    public async Task SaveManyAsync(IEnumerable<CartState> carts, CancellationToken ct)
    {
        var all = carts.ToList();
        var cartBatches = all.Select(c => CartEntityMapper.ToEntity(c, Shard(c.CartId)));
        var dueBatches = all.Where(c => c.NextDueAt is not null).Select(c => DueEntity(c.CartId, c.NextDueAt!.Value));
        await SubmitInBatchesAsync(_carts, cartBatches, ct);
        await SubmitInBatchesAsync(_due, dueBatches, ct);
    }

    public Task ScheduleAsync(string cartId, DateTimeOffset dueAt, CancellationToken ct) =>
        _due.UpsertEntityAsync(DueEntity(cartId, dueAt), TableUpdateMode.Replace, ct);

    public Task UnscheduleAsync(DueEntry entry, CancellationToken ct) =>
        _due.DeleteEntityAsync(entry.PartitionKey, entry.RowKey, ETag.All, ct);

    /// <summary>Due entries up to <paramref name="now"/>, oldest first per shard. Reads only due rows.</summary>
    public async Task<IReadOnlyList<DueEntry>> ReadDueAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        var upper = DueRowKeyPrefix(now.AddTicks(1));
        var perShard = await Task.WhenAll(Enumerable.Range(0, Shards).Select(async shard =>
        {
            var partition = StableHash.ShardKey("due", shard);
            var entries = new List<DueEntry>();
            var query = _due.QueryAsync<TableEntity>($"PartitionKey eq '{partition}' and RowKey lt '{upper}'", maxPerPage: Math.Min(max, 1000), select: ["PartitionKey", "RowKey", "CartId", "DueAt"], cancellationToken: ct);
            await foreach (var row in query)
            {
                entries.Add(new DueEntry(row.PartitionKey, row.RowKey, row.GetString("CartId")!, row.GetDateTimeOffset("DueAt")!.Value));
                if (entries.Count >= max)
                {
                    break;
                }
            }

            return entries;
        }));
        return perShard.SelectMany(e => e).OrderBy(e => e.DueAt).Take(max).ToList();
    }

    /// <summary>Records an event id; false when it was seen before (the store retried).</summary>
    public async Task<bool> TryRecordEventAsync(string eventId, string cartId, DateTimeOffset at, CancellationToken ct)
    {
        try
        {
            await _events.AddEntityAsync(new TableEntity(Shard(eventId), Sanitize(eventId)) { ["CartId"] = cartId, ["At"] = at }, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> WasEventRecordedAsync(string eventId, CancellationToken ct) =>
        (await _events.GetEntityIfExistsAsync<TableEntity>(Shard(eventId), Sanitize(eventId), cancellationToken: ct)).HasValue;

    private static TableEntity DueEntity(string cartId, DateTimeOffset dueAt) =>
        new(StableHash.ShardKey("due", StableHash.Shard(cartId, Shards)), DueRowKeyPrefix(dueAt) + "|" + cartId) { ["CartId"] = cartId, ["DueAt"] = dueAt };

    private static string DueRowKeyPrefix(DateTimeOffset at) => at.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    private static string Shard(string id) => StableHash.ShardKey("c", StableHash.Shard(id, Shards));

    private static string Sanitize(string id) => new(id.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c).ToArray());

    private static async Task SubmitInBatchesAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken ct)
    {
        var batches = entities.GroupBy(e => e.PartitionKey).SelectMany(g => g.Chunk(100));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (batch, token) =>
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token));
    }
}

public sealed record DueEntry(string PartitionKey, string RowKey, string CartId, DateTimeOffset DueAt);
