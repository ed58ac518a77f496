using Azure;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Templates;

/// <summary>
/// Templates in table <c>Templates</c>: one partition per template name, one row per language.
/// Few rows, read once per launch and per sender cache miss, so no hot partition.
/// </summary>
public sealed class TableTemplateRegistry(StorageClients storage, TimeProvider clock) : ITemplateRegistry
{
    public const string TableName = "Templates";

    private TableClient Table => storage.Table(TableName);

    public async Task<TemplateRecord?> FindAsync(string name, string language, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(name, language, cancellationToken: cancellationToken);
        return row.HasValue ? ToRecord(row.Value!) : null;
    }

    public Task UpsertAsync(TemplateRecord template, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(ToEntity(template), TableUpdateMode.Replace, cancellationToken);

    public Task UpdateStatusAsync(string name, string language, string? status, string? quality, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        OptimisticWrite.RunAsync(async ct =>
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(name, language, cancellationToken: ct);
            var record = existing.HasValue
                ? ToRecord(existing.Value!)
                : new TemplateRecord(name, language, TemplateCategory.Marketing, "UNKNOWN", "UNKNOWN", 0, null, DateTimeOffset.MinValue);
            if (record.UpdatedAt > at)
            {
                return; // an older webhook arriving late must not undo a newer status
            }

            var entity = ToEntity(record with { Status = status ?? record.Status, Quality = quality ?? record.Quality, UpdatedAt = at });
            entity.ETag = existing.HasValue ? existing.Value!.ETag : default;
            await Table.WriteAsync(entity, ct);
        }, cancellationToken);

    private TableEntity ToEntity(TemplateRecord t) => new(t.Name, t.Language)
    {
        ["Category"] = t.Category.ToString(),
        ["Status"] = t.Status,
        ["Quality"] = t.Quality,
        ["ParameterCount"] = t.ParameterCount,
        ["BodyText"] = t.BodyText,
        ["ComponentsJson"] = t.ComponentsJson,
        ["TemplateUpdatedAt"] = t.UpdatedAt == default ? clock.GetUtcNow() : t.UpdatedAt,
    };

    private static TemplateRecord ToRecord(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        TemplateBody.TryParseCategory(e.GetString("Category"), out var category) ? category : TemplateCategory.Marketing,
        e.GetString("Status") ?? "UNKNOWN",
        e.GetString("Quality") ?? "UNKNOWN",
        e.GetInt32("ParameterCount") ?? 0,
        e.GetString("BodyText"),
        e.GetDateTimeOffset("TemplateUpdatedAt") ?? default,
        e.GetString("ComponentsJson"));
}
