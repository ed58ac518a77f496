using Azure;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Journeys;

/// <summary>
/// A journey's subjects (table <c>Journeys</c>, PK = journey + shard of the subject, RK = subject), written on the ETag
/// they were read with; a save also puts the subject's next due time in the <see cref="JourneyDueIndex"/>.
/// </summary>
public static class JourneyStore
{
    public const string TableName = "Journeys";
}

/// <inheritdoc cref="JourneyStore"/>
public class JourneyStore<TState>(StorageClients storage, Journey<TState> journey, JourneyDueIndex due)
    where TState : class, IJourneySubject
{
    private const int Shards = 8;
    private readonly TableClient _table = storage.Table(JourneyStore.TableName);

    public Journey<TState> Journey => journey;

    public JourneyDueIndex Due => due;

    public async Task<(TState? State, ETag ETag)> GetAsync(string subject, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(subject), subject, cancellationToken: ct);
        return row.HasValue ? (journey.FromEntity(row.Value!), row.Value!.ETag) : (null, default);
    }

    /// <summary>Writes the subject if nobody changed it since <paramref name="etag"/> (default = it must not exist yet), then indexes its next due time; a conflict throws (for <see cref="OptimisticWrite"/>).</summary>
    public async Task SaveAsync(TState state, ETag etag, CancellationToken ct)
    {
        var entity = Keyed(state);
        entity.ETag = etag;
        await _table.WriteAsync(entity, ct);
        if (state.NextDueAt is { } next)
        {
            await due.ScheduleAsync(journey.Name, state.Subject, next, ct);
        }
    }

    /// <summary>As <see cref="SaveAsync"/>, but false when another writer moved the subject first (it then says what is due).</summary>
    public async Task<bool> TrySaveAsync(TState state, ETag etag, CancellationToken ct)
    {
        try
        {
            await SaveAsync(state, etag, ct);
            return true;
        }
        catch (RequestFailedException ex) when (OptimisticWrite.IsConflict(ex))
        {
            return false;
        }
    }

    /// <summary>Bulk load (imports, tests, benchmarks): entity-group transactions of 100, subjects then their due entries.</summary>
    public async Task SaveManyAsync(IEnumerable<TState> states, CancellationToken ct)
    {
        var all = states.ToList();
        await JourneyStorageBatches.UpsertAsync(_table, all.Select(Keyed), ct);
        await due.ScheduleManyAsync(journey.Name, all.Where(s => s.NextDueAt is not null).Select(s => (s.Subject, s.NextDueAt!.Value)), ct);
    }

    /// <summary>The subject's partition: a query on it alone is what a scan of this journey costs (the benchmark's baseline).</summary>
    public string Partition(string subject) => StableHash.ShardKey(journey.Name, StableHash.Shard(subject, Shards));

    public IEnumerable<string> Partitions => Enumerable.Range(0, Shards).Select(shard => StableHash.ShardKey(journey.Name, shard));

    private TableEntity Keyed(TState state)
    {
        var entity = journey.ToEntity(state);
        entity.PartitionKey = Partition(state.Subject);
        entity.RowKey = state.Subject;
        return entity;
    }
}
