using Azure;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Journeys;

/// <summary>Event ids already applied, per journey (PK = journey + shard, RK = event id): a repeated id changes nothing.</summary>
public sealed class JourneyEventLog(StorageClients storage)
{
    public const string TableName = "JourneyEvents";
    private const int Shards = 8;
    private readonly TableClient _table = storage.Table(TableName);

    public async Task<bool> WasRecordedAsync(string journey, string eventId, CancellationToken ct) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(Partition(journey, eventId), Sanitize(eventId), cancellationToken: ct)).HasValue;

    /// <summary>Records an event id; false when it was seen before (the sender retried).</summary>
    public async Task<bool> TryRecordAsync(string journey, string eventId, string subject, DateTimeOffset at, CancellationToken ct)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(Partition(journey, eventId), Sanitize(eventId)) { ["Subject"] = subject, ["At"] = at }, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private static string Partition(string journey, string eventId) => StableHash.ShardKey(journey, StableHash.Shard(eventId, Shards));

    private static string Sanitize(string id) => new(id.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c).ToArray());
}
