using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Consent;

/// <summary>
/// Numbers whose personal data was erased, held only as a keyed hash: they are never messaged again
/// unless they opt in anew, after the erasure.
/// </summary>
public sealed class SuppressionList(StorageClients storage, SuppressionHasher hasher, IOptions<ConsentOptions> options)
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

    /// <summary>
    /// Lifts the suppression for an opt-in given clearly after the erasure (by <see cref="ConsentRegister.Outranks"/>, the
    /// same rule that orders opt-ins and opt-outs; the erasure is dated by the product's clock); an older opt-in (a
    /// replay, a skewed clock) lifts nothing.
    /// </summary>
    public async Task<bool> LiftAsync(string phone, ConsentChange optIn, CancellationToken cancellationToken = default)
    {
        var key = hasher.Hash(phone);
        var row = await Table.GetEntityIfExistsAsync<SuppressionEntity>(key, SuppressionEntity.Row, cancellationToken: cancellationToken);
        if (!row.HasValue || !ConsentRegister.Outranks(optIn.At, optIn.EffectiveClock, row.Value!.ErasedAt, ConsentClock.Product, options.Value.ClockTolerance))
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
