using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Messages;

/// <summary>
/// Index of deliveries by recipient (PK = recipient, RK = campaign), so an order finds its last touch with one
/// partition read instead of a scan. Written once per message, when it is first delivered.
/// </summary>
internal sealed class RecipientDeliveries(StorageClients storage)
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
}
