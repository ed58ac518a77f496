using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Consent;

/// <summary>
/// Consent in table <c>ConsentHistory</c> (see <see cref="ConsentRowEntity"/>): the append-only history, and per scope a
/// state row holding the <see cref="ConsentRegister"/> (latest opt-in, latest opt-out) with the decision it gives, so a
/// sender's check is one partition read and one suppression read, never a query over history.
/// </summary>
public sealed class TableConsentLedger(StorageClients storage, SuppressionList suppressions, IOptions<ConsentOptions> options, TimeProvider time) : IConsentLedger
{
    public const string TableName = "ConsentHistory";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Table => storage.Table(TableName);

    private TimeSpan Tolerance => options.Value.ClockTolerance;

    public async Task<ConsentState> GetAsync(string phone, ConsentScope scope, CancellationToken cancellationToken = default)
    {
        var stateTask = Table.GetEntityIfExistsAsync<ConsentRowEntity>(phone, ConsentRowEntity.StateRow(scope), cancellationToken: cancellationToken);
        var suppressedTask = suppressions.GetAsync(phone, cancellationToken);
        var state = await stateTask;
        return ToState(scope, state.HasValue ? state.Value : null, (await suppressedTask).HasValue);
    }

    /// <summary>Three point reads at once (a range query costs the same transactions on Azure, but scans the table on Azurite).</summary>
    public async Task<ConsentSnapshot> GetSnapshotAsync(string phone, CancellationToken cancellationToken = default)
    {
        var suppressedTask = suppressions.GetAsync(phone, cancellationToken);
        var marketingTask = Table.GetEntityIfExistsAsync<ConsentRowEntity>(phone, ConsentRowEntity.StateRow(ConsentScope.Marketing), cancellationToken: cancellationToken);
        var utilityTask = Table.GetEntityIfExistsAsync<ConsentRowEntity>(phone, ConsentRowEntity.StateRow(ConsentScope.Utility), cancellationToken: cancellationToken);
        var (marketing, utility, suppressed) = (await marketingTask, await utilityTask, (await suppressedTask).HasValue);
        return new ConsentSnapshot(
            ToState(ConsentScope.Marketing, marketing.HasValue ? marketing.Value : null, suppressed),
            ToState(ConsentScope.Utility, utility.HasValue ? utility.Value : null, suppressed));
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

        await OptimisticWrite.RunAsync(ct => UpdateStateAsync(phone, change, ct), cancellationToken);
        if (change.Status == ConsentStatus.OptedIn)
        {
            await suppressions.LiftAsync(phone, change, cancellationToken);
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

    private async Task UpdateStateAsync(string phone, ConsentChange change, CancellationToken ct)
    {
        var stateRow = ConsentRowEntity.StateRow(change.Scope);
        var current = await Table.GetEntityIfExistsAsync<ConsentRowEntity>(phone, stateRow, cancellationToken: ct);
        var before = current.HasValue ? RegisterOf(current.Value!) : ConsentRegister.Empty;
        var after = before.With(change, time.GetUtcNow(), Tolerance);
        if (ReferenceEquals(after, before))
        {
            return;
        }

        var next = ToRow(phone, after.Deciding(Tolerance)!);
        next.RowKey = stateRow;
        next.LatestOptIn = after.LatestOptIn is null ? null : JsonSerializer.Serialize(after.LatestOptIn, Json);
        next.LatestOptOut = after.LatestOptOut is null ? null : JsonSerializer.Serialize(after.LatestOptOut, Json);
        next.ETag = current.HasValue ? current.Value!.ETag : default;
        await Table.WriteAsync(next, ct);
    }

    private ConsentState ToState(ConsentScope scope, ConsentRowEntity? row, bool suppressed)
    {
        var deciding = row is null ? null : RegisterOf(row).Deciding(Tolerance);
        return new ConsentState(scope, deciding?.Status, deciding?.At, deciding?.Source, suppressed);
    }

    /// <summary>The register a state row holds; a row written before registers existed holds its one deciding change.</summary>
    private static ConsentRegister RegisterOf(ConsentRowEntity row)
    {
        if (row.LatestOptIn is null && row.LatestOptOut is null)
        {
            var only = row.ToChange();
            return only.Status == ConsentStatus.OptedIn ? new ConsentRegister(only, null) : new ConsentRegister(null, only);
        }

        return new ConsentRegister(
            row.LatestOptIn is { } optIn ? JsonSerializer.Deserialize<ConsentChange>(optIn, Json) : null,
            row.LatestOptOut is { } optOut ? JsonSerializer.Deserialize<ConsentChange>(optOut, Json) : null);
    }

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
        Clock = change.Clock.ToString(),
        RecordedAt = time.GetUtcNow(),
    };

    /// <summary>Deterministic, so that recording the same change twice finds the row it wrote the first time.</summary>
    private static string HistoryRow(ConsentChange change)
    {
        var identity = $"{change.Scope}|{change.Status}|{change.Source}|{change.At.UtcTicks}|{change.Evidence}|{change.EvidenceUrl}|{change.RecordedBy}" + (change.Clock == ConsentClock.Caller ? "" : $"|{change.Clock}");
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
        return $"{ConsentRowEntity.HistoryPrefix}{ConsentRowEntity.Name(change.Scope)}-{change.At.UtcTicks:D19}-{id}";
    }
}
