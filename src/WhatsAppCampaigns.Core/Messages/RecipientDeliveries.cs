using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Messages;

/// <summary>
/// Index of deliveries by recipient (PK = recipient, RK = campaign), so an order finds its last touch with one
/// partition read instead of a scan. Written once per message, when it is first delivered.
/// </summary>
internal sealed class RecipientDeliveries(StorageClients storage) : IPersonalDataStore
{
    public const string TableName = "RecipientDeliveries";
    private readonly TableClient _table = storage.Table(TableName);

    public Task RecordAsync(MessageKey key, DateTimeOffset deliveredAt, string? variant, CancellationToken ct)
    {
        var entity = new TableEntity(key.Recipient, key.CampaignId)
        {
            ["DeliveredAt"] = deliveredAt,
            ["Variant"] = variant,
        };
        return _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    public async Task<MessageDelivery?> FindLastAsync(string recipient, DateTimeOffset at, TimeSpan window, CancellationToken ct)
    {
        MessageDelivery? last = null;
        var from = at - window;
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == recipient, cancellationToken: ct))
        {
            var deliveredAt = row.GetDateTimeOffset("DeliveredAt");
            if (deliveredAt is { } d && d <= at && d >= from && (last is null || d > last.DeliveredAt))
            {
                last = new MessageDelivery(new MessageKey(row.RowKey, recipient), d, row.GetString("Variant"));
            }
        }

        return last;
    }

    public string Name => "deliveries";

    public async Task<object?> ExportAsync(string phone, CancellationToken cancellationToken = default)
    {
        var rows = new List<object>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == phone, cancellationToken: cancellationToken))
        {
            rows.Add(new { CampaignId = row.RowKey, DeliveredAt = row.GetDateTimeOffset("DeliveredAt"), Variant = row.GetString("Variant") });
        }

        return rows.Count == 0 ? null : rows;
    }

    public Task EraseAsync(string phone, CancellationToken cancellationToken = default) =>
        _table.DeletePartitionAsync(phone, cancellationToken);
}
