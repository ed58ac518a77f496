using System.Text.Json;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>
/// Table <c>Campaigns</c>: PK = campaign id, RK = <c>campaign</c>; plus index rows PK = <c>tpl|{name}|{language}</c>,
/// RK = campaign id, so pausing by template reads one partition.
/// </summary>
public sealed class TableCampaignStore(StorageClients storage) : ICampaignStore
{
    public const string TableName = "Campaigns";
    private const string Row = "campaign";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Table => storage.Table(TableName);

    public async Task CreateAsync(CampaignRecord record, CancellationToken cancellationToken = default)
    {
        // Index rows first: a campaign that exists is always findable by template.
        foreach (var variant in record.Definition.Variants)
        {
            await Table.UpsertEntityAsync(new TableEntity(TemplatePartition(variant.TemplateName, variant.Language), record.Definition.Id), TableUpdateMode.Replace, cancellationToken);
        }

        await Table.AddEntityAsync(ToEntity(record), cancellationToken);
    }

    public async Task<CampaignRecord?> GetAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(campaignId, Row, cancellationToken: cancellationToken);
        return row.HasValue ? ToRecord(row.Value!) : null;
    }

    public Task<CampaignRecord?> UpdateAsync(string campaignId, Func<CampaignRecord, CampaignRecord?> change, CancellationToken cancellationToken = default) =>
        OptimisticWrite.RunAsync(async ct =>
        {
            // A conflict (a pause racing the fan-out's finish) runs this again on what the other writer stored.
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(campaignId, Row, cancellationToken: ct);
            if (!row.HasValue)
            {
                return null;
            }

            var current = ToRecord(row.Value!);
            var updated = change(current);
            if (updated is null || updated == current)
            {
                return updated;
            }

            var entity = ToEntity(updated);
            entity.ETag = row.Value!.ETag;
            await Table.WriteAsync(entity, ct);
            return updated;
        }, cancellationToken);

    public async Task<IReadOnlyList<string>> FindByTemplateAsync(string templateName, string language, CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TemplatePartition(templateName, language)}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(row.RowKey);
        }

        return ids;
    }

    private static string TemplatePartition(string name, string language) => $"tpl|{name}|{language}";

    private static TableEntity ToEntity(CampaignRecord r) => new(r.Definition.Id, Row)
    {
        ["Definition"] = JsonSerializer.Serialize(r.Definition, Json),
        ["State"] = r.State.ToString(),
        ["Reason"] = r.Reason,
        ["Started"] = r.Started,
        ["FanOutComplete"] = r.FanOutComplete,
        ["Totals"] = JsonSerializer.Serialize(r.Totals, Json),
        ["StateUpdatedAt"] = r.UpdatedAt,
        ["Decision"] = r.Decision is null ? null : JsonSerializer.Serialize(r.Decision, Json),
    };

    private static CampaignRecord ToRecord(TableEntity e) => new(
        JsonSerializer.Deserialize<CampaignDefinition>(e.GetString("Definition")!, Json)!,
        Enum.Parse<CampaignState>(e.GetString("State")!),
        e.GetString("Reason"),
        e.GetBoolean("Started") ?? false,
        e.GetBoolean("FanOutComplete") ?? false,
        JsonSerializer.Deserialize<FanOutTotals>(e.GetString("Totals") ?? "null", Json) ?? FanOutTotals.Zero,
        e.GetDateTimeOffset("StateUpdatedAt") ?? default,
        e.GetString("Decision") is { } decision ? JsonSerializer.Deserialize<Testing.TestDecision>(decision, Json) : null);
}
