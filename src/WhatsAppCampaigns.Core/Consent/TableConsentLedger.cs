using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Consent;

/// <summary>
/// Consent in table <c>ConsentHistory</c> (see <see cref="ConsentRowEntity"/>). The current state is the newest change
/// by the time it happened, an opt-out winning a tie; it is kept in one row per scope so that a sender's check is
/// two parallel point reads (state and suppression), never a query over history.
/// </summary>
public sealed class TableConsentLedger(StorageClients storage, SuppressionList suppressions, TimeProvider time) : IConsentLedger
{
    public const string TableName = "ConsentHistory";
    private const int MaxAttempts = 8;

    private TableClient Table => storage.Table(TableName);

    public async Task<ConsentState> GetAsync(string phone, ConsentScope scope, CancellationToken cancellationToken = default)
    {
        var stateTask = Table.GetEntityIfExistsAsync<ConsentRowEntity>(phone, ConsentRowEntity.StateRow(scope), cancellationToken: cancellationToken);
        var suppressedTask = suppressions.GetAsync(phone, cancellationToken);
        var state = await stateTask;
        var suppressed = (await suppressedTask).HasValue;
        if (!state.HasValue)
        {
            return new ConsentState(scope, null, null, null, suppressed);
        }

        var row = state.Value!;
        return new ConsentState(scope, ConsentRowEntity.ParseStatus(row.Status), row.At, row.Source, suppressed);
    }

    public async Task RecordAsync(string phone, ConsentChange change, CancellationToken cancellationToken = default)
    {
        var row = ToRow(phone, change);
        row.RowKey = HistoryRow(change);
        try
        {
            await Table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The same change recorded before (a webhook delivered twice): history stays as it is.
        }

        await UpdateStateAsync(phone, change, cancellationToken);
        if (change.Status == ConsentStatus.OptedIn)
        {
            await suppressions.LiftAsync(phone, change.At, cancellationToken);
        }
    }

    /// <summary>The contact's whole history, oldest first per scope.</summary>
    public async Task<IReadOnlyList<ConsentChange>> GetHistoryAsync(string phone, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {phone} and RowKey ge {ConsentRowEntity.HistoryPrefix} and RowKey lt {"h."}");
        var changes = new List<ConsentChange>();
        await foreach (var row in Table.QueryAsync<ConsentRowEntity>(filter, cancellationToken: cancellationToken))
        {
            changes.Add(row.ToChange());
        }

        return changes.OrderBy(c => c.At).ToList();
    }

    /// <summary>Deletes the contact's whole consent partition (GDPR erasure); the caller suppresses the number first.</summary>
    public Task EraseAsync(string phone, CancellationToken cancellationToken = default) =>
        Table.DeletePartitionAsync(phone, cancellationToken);

    private async Task UpdateStateAsync(string phone, ConsentChange change, CancellationToken cancellationToken)
    {
        var stateRow = ConsentRowEntity.StateRow(change.Scope);
        for (var attempt = 1; ; attempt++)
        {
            var current = await Table.GetEntityIfExistsAsync<ConsentRowEntity>(phone, stateRow, cancellationToken: cancellationToken);
            if (current.HasValue && !Supersedes(change, current.Value!))
            {
                return;
            }

            var next = ToRow(phone, change);
            next.RowKey = stateRow;
            try
            {
                await (current.HasValue
                    ? Table.UpdateEntityAsync(next, current.Value!.ETag, TableUpdateMode.Replace, cancellationToken)
                    : Table.AddEntityAsync(next, cancellationToken));
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another writer changed the state since we read it: read again and re-decide.
            }
        }
    }

    private static bool Supersedes(ConsentChange change, ConsentRowEntity current) =>
        change.At > current.At
        || (change.At == current.At && change.Status == ConsentStatus.OptedOut && current.Status != ConsentRowEntity.Name(ConsentStatus.OptedOut));

    private ConsentRowEntity ToRow(string phone, ConsentChange change) => new()
    {
        PartitionKey = phone,
        Scope = ConsentRowEntity.Name(change.Scope),
        Status = ConsentRowEntity.Name(change.Status),
        Source = change.Source,
        At = change.At,
        Evidence = change.Evidence,
        EvidenceUrl = change.EvidenceUrl,
        RecordedBy = change.RecordedBy,
        RecordedAt = time.GetUtcNow(),
    };

    /// <summary>Deterministic, so that recording the same change twice finds the row it wrote the first time.</summary>
    private static string HistoryRow(ConsentChange change)
    {
        var identity = $"{change.Scope}|{change.Status}|{change.Source}|{change.At.UtcTicks}|{change.Evidence}|{change.EvidenceUrl}|{change.RecordedBy}";
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
        return $"{ConsentRowEntity.HistoryPrefix}{ConsentRowEntity.Name(change.Scope)}-{change.At.UtcTicks:D19}-{id}";
    }
}
