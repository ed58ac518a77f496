using System.Globalization;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Sending.DeadLetters;

/// <summary>
/// Dead letters in one partition (few, and read as a list), newest first: the row key starts with inverted ticks.
/// Recipients are kept only inside the stored body, never in the key.
/// </summary>
public sealed class DeadLetterStore(StorageClients storage, TimeProvider time)
{
    public const string TableName = "DeadLetters";
    private const string Partition = "dead";
    private TableClient? _table;

    private TableClient Table => _table ??= storage.Table(TableName);

    public async Task<DeadLetter> AddAsync(string? campaignId, string reason, int? errorCode, string? detail, int attempts, string body, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var id = (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..8];
        var letter = new DeadLetter(id, campaignId, reason, errorCode, detail, at, attempts, body);
        await Table.AddEntityAsync(
            new TableEntity(Partition, id)
            {
                ["CampaignId"] = campaignId,
                ["Reason"] = reason,
                ["ErrorCode"] = errorCode,
                ["Detail"] = detail,
                ["At"] = at,
                ["Attempts"] = attempts,
                ["Body"] = body,
            },
            cancellationToken);
        return letter;
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int take, CancellationToken cancellationToken)
    {
        var letters = new List<DeadLetter>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, maxPerPage: take, cancellationToken: cancellationToken))
        {
            letters.Add(ToLetter(entity));
            if (letters.Count >= take)
            {
                break;
            }
        }

        return letters;
    }

    public async Task<DeadLetter?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return response.HasValue ? ToLetter(response.Value!) : null;
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        await Table.DeleteEntityAsync(Partition, id, cancellationToken: cancellationToken);

    private static DeadLetter ToLetter(TableEntity e) => new(
        e.RowKey,
        e.GetString("CampaignId"),
        e.GetString("Reason") ?? "",
        e.GetInt32("ErrorCode"),
        e.GetString("Detail"),
        e.GetDateTimeOffset("At") ?? default,
        e.GetInt32("Attempts") ?? 0,
        e.GetString("Body") ?? "");
}
