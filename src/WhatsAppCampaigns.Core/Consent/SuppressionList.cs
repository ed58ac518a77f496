using Azure;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Consent;

/// <summary>
/// Numbers whose personal data was erased, held only as a keyed hash: they are never messaged again
/// unless they opt in anew, after the erasure.
/// </summary>
public sealed class SuppressionList(StorageClients storage, SuppressionHasher hasher)
{
    public const string TableName = "Suppressions";

    private TableClient Table => storage.Table(TableName);

    /// <summary>When the number was erased, or null when it is not suppressed.</summary>
    public async Task<DateTimeOffset?> GetAsync(string phone, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<SuppressionEntity>(hasher.Hash(phone), SuppressionEntity.Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ErasedAt : null;
    }

    public Task SuppressAsync(string phone, DateTimeOffset erasedAt, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new SuppressionEntity { PartitionKey = hasher.Hash(phone), ErasedAt = erasedAt }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Lifts the suppression for an opt-in given after the erasure; an older opt-in (a replay) lifts nothing.</summary>
    public async Task<bool> LiftAsync(string phone, DateTimeOffset optedInAt, CancellationToken cancellationToken = default)
    {
        var key = hasher.Hash(phone);
        var row = await Table.GetEntityIfExistsAsync<SuppressionEntity>(key, SuppressionEntity.Row, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value!.ErasedAt >= optedInAt)
        {
            return false;
        }

        try
        {
            // ETag: a second erasure that raced this opt-in stays in force.
            await Table.DeleteEntityAsync(key, SuppressionEntity.Row, row.Value.ETag, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }
}
