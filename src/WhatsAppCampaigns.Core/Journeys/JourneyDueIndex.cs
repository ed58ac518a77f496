using System.Globalization;
using Azure;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Journeys;

/// <summary>
/// When each subject's next step falls due, for every journey (PK = journey + shard, RK = due ticks + subject): a run
/// reads only its journey's due rows, one range query per shard, never a scan of the subjects.
/// </summary>
public sealed class JourneyDueIndex(StorageClients storage)
{
    public const string TableName = "JourneyDue";
    private const int Shards = 8;
    private readonly TableClient _table = storage.Table(TableName);

    public Task ScheduleAsync(string journey, string subject, DateTimeOffset dueAt, CancellationToken ct) =>
        _table.UpsertEntityAsync(Entity(journey, subject, dueAt), TableUpdateMode.Replace, ct);

    public Task UnscheduleAsync(DueEntry entry, CancellationToken ct) =>
        _table.DeleteEntityAsync(entry.PartitionKey, entry.RowKey, ETag.All, ct);

    /// <summary>Bulk load (imports, benchmarks): one entity-group transaction per 100 rows of a shard.</summary>
    public Task ScheduleManyAsync(string journey, IEnumerable<(string Subject, DateTimeOffset DueAt)> entries, CancellationToken ct) =>
        JourneyStorageBatches.UpsertAsync(_table, entries.Select(e => Entity(journey, e.Subject, e.DueAt)), ct);

    /// <summary>The journey's entries due up to <paramref name="now"/>, oldest first. Reads only due rows.</summary>
    public async Task<IReadOnlyList<DueEntry>> ReadDueAsync(string journey, DateTimeOffset now, int max, CancellationToken ct)
    {
        var upper = Ticks(now.AddTicks(1));
        var perShard = await Task.WhenAll(Enumerable.Range(0, Shards).Select(async shard =>
        {
            var partition = Partition(journey, shard);
            var entries = new List<DueEntry>();
            var query = _table.QueryAsync<TableEntity>($"PartitionKey eq '{partition}' and RowKey lt '{upper}'", maxPerPage: Math.Min(max, 1000), select: ["PartitionKey", "RowKey", "Subject", "DueAt"], cancellationToken: ct);
            await foreach (var row in query)
            {
                entries.Add(new DueEntry(row.PartitionKey, row.RowKey, row.GetString("Subject")!, row.GetDateTimeOffset("DueAt")!.Value));
                if (entries.Count >= max)
                {
                    break;
                }
            }

            return entries;
        }));
        return perShard.SelectMany(e => e).OrderBy(e => e.DueAt).Take(max).ToList();
    }

    private static TableEntity Entity(string journey, string subject, DateTimeOffset dueAt) =>
        new(Partition(journey, StableHash.Shard(subject, Shards)), Ticks(dueAt) + "|" + subject) { ["Subject"] = subject, ["DueAt"] = dueAt };

    private static string Partition(string journey, int shard) => StableHash.ShardKey(journey + "-due", shard);

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}

public sealed record DueEntry(string PartitionKey, string RowKey, string Subject, DateTimeOffset DueAt);
