using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Campaigns;

public enum MarkerState
{
    /// <summary>Chosen to be enqueued; not yet known to be on the queue.</summary>
    Reserved,
    Enqueued,
    Skipped,
}

/// <summary>The fan-out's record of one (campaign, recipient): which page took it and how far it got.</summary>
public sealed record RecipientMarker(string Phone, MarkerState State, string? Reason, int Page);

/// <summary>
/// Table <c>CampaignRecipients</c>: PK = <c>{campaign}|{shard}</c> (16 shards by recipient, so no partition runs hot),
/// RK = phone. Insert-only reservation makes "each recipient once per campaign" hold across pages and retries.
/// Each finished page also leaves one row, PK = <c>{campaign}|pages</c>, RK = page number, holding its outcome.
/// </summary>
public sealed class RecipientMarkers(StorageClients storage)
{
    public const string TableName = "CampaignRecipients";
    private const int Shards = 16;
    private const int BatchLimit = 100;

    private TableClient Table => storage.Table(TableName);

    /// <summary>Inserts the markers that do not exist yet; returns every phone's marker as stored (ours or an earlier one).</summary>
    public async Task<IReadOnlyDictionary<string, RecipientMarker>> ReserveAsync(string campaignId, IReadOnlyCollection<RecipientMarker> wanted, CancellationToken ct)
    {
        var stored = new System.Collections.Concurrent.ConcurrentDictionary<string, RecipientMarker>(StringComparer.Ordinal);
        await Task.WhenAll(Chunks(campaignId, wanted).Select(async chunk =>
        {
            try
            {
                await Table.SubmitTransactionAsync(chunk.Select(m => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(campaignId, m))), ct);
                foreach (var m in chunk)
                {
                    stored[m.Phone] = m;
                }
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                // Some already exist (a retried page, or a member another page reserved): settle them one by one.
                foreach (var m in chunk)
                {
                    stored[m.Phone] = await AddOrGetAsync(campaignId, m, ct);
                }
            }
        }));
        return stored;
    }

    /// <summary>The outcome of a page that finished, or null when it never did.</summary>
    public async Task<FanOutPageResult?> GetPageOutcomeAsync(string campaignId, int page, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(PagesPartition(campaignId), PageKey(page), cancellationToken: ct);
        if (!row.HasValue || row.Value is not { } e)
        {
            return null;
        }

        return new FanOutPageResult(
            e.GetString("NextCursor"),
            e.GetInt32("Recipients") ?? 0,
            e.GetInt32("Enqueued") ?? 0,
            JsonSerializer.Deserialize<Dictionary<string, long>>(e.GetString("Skipped") ?? "{}") ?? [],
            EnqueuedByShard: e.GetString("EnqueuedByShard") is { } byShard ? JsonSerializer.Deserialize<long[]>(byShard) : null);
    }

    /// <summary>Upsert: a page that ran twice (a crash after its enqueues) computes the same outcome from its markers.</summary>
    public Task RecordPageOutcomeAsync(string campaignId, int page, FanOutPageResult result, CancellationToken ct) =>
        Table.UpsertEntityAsync(new TableEntity(PagesPartition(campaignId), PageKey(page))
        {
            ["NextCursor"] = result.NextCursor,
            ["Recipients"] = result.Recipients,
            ["Enqueued"] = result.Enqueued,
            ["Skipped"] = JsonSerializer.Serialize(result.Skipped),
            ["EnqueuedByShard"] = result.EnqueuedByShard is null ? null : JsonSerializer.Serialize(result.EnqueuedByShard),
        }, TableUpdateMode.Replace, ct);

    public Task MarkEnqueuedAsync(string campaignId, IReadOnlyCollection<RecipientMarker> markers, CancellationToken ct) =>
        Task.WhenAll(Chunks(campaignId, markers.Select(m => m with { State = MarkerState.Enqueued }).ToArray())
            .Select(chunk => Table.SubmitTransactionAsync(chunk.Select(m => new TableTransactionAction(TableTransactionActionType.UpdateMerge, ToEntity(campaignId, m))), ct)));

    public Task MarkSkippedAsync(string campaignId, RecipientMarker marker, string reason, CancellationToken ct) =>
        Table.UpdateEntityAsync(ToEntity(campaignId, marker with { State = MarkerState.Skipped, Reason = reason }), ETag.All, TableUpdateMode.Merge, ct);

    private async Task<RecipientMarker> AddOrGetAsync(string campaignId, RecipientMarker marker, CancellationToken ct)
    {
        try
        {
            await Table.AddEntityAsync(ToEntity(campaignId, marker), ct);
            return marker;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var row = await Table.GetEntityAsync<TableEntity>(Partition(campaignId, marker.Phone), marker.Phone, cancellationToken: ct);
            return ToMarker(row.Value);
        }
    }

    private static IEnumerable<RecipientMarker[]> Chunks(string campaignId, IReadOnlyCollection<RecipientMarker> markers) =>
        markers.GroupBy(m => Partition(campaignId, m.Phone)).SelectMany(g => g.Chunk(BatchLimit));

    private static string PagesPartition(string campaignId) => $"{campaignId}|pages";

    private static string PageKey(int page) => page.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);

    private static string Partition(string campaignId, string phone) =>
        StableHash.ShardKey(campaignId, (int)(SendRequestFactory.RecipientHash(campaignId, phone) % Shards));

    private static TableEntity ToEntity(string campaignId, RecipientMarker m) => new(Partition(campaignId, m.Phone), m.Phone)
    {
        ["State"] = m.State.ToString(),
        ["Reason"] = m.Reason,
        ["Page"] = m.Page,
    };

    private static RecipientMarker ToMarker(TableEntity e) => new(
        e.RowKey,
        Enum.Parse<MarkerState>(e.GetString("State")!),
        e.GetString("Reason"),
        e.GetInt32("Page") ?? -1);
}
