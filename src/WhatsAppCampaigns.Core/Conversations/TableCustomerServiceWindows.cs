using Azure;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Conversations;

/// <summary>
/// Table <c>ServiceWindows</c>: one row per contact (partition = E.164) with the time of its last inbound message.
/// Only ever moves forward, so late or duplicate webhooks cannot shorten a window.
/// </summary>
public sealed class TableCustomerServiceWindows(StorageClients storage) : ICustomerServiceWindows
{
    public const string TableName = "ServiceWindows";
    private const string Row = "csw";
    private const string LastInbound = "LastInboundAt";

    private TableClient Table => storage.Table(TableName);

    public Task RecordInboundAsync(string phone, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        OptimisticWrite.RunAsync(async ct =>
        {
            // Concurrent inbound messages: the later time is kept, whichever writes last.
            var current = await Table.GetEntityIfExistsAsync<TableEntity>(phone, Row, cancellationToken: ct);
            if (current.HasValue && current.Value!.GetDateTimeOffset(LastInbound) >= at)
            {
                return;
            }

            await Table.WriteAsync(new TableEntity(phone, Row) { [LastInbound] = at, ETag = current.HasValue ? current.Value!.ETag : default }, ct);
        }, cancellationToken);

    public async Task<DateTimeOffset?> LastInboundAsync(string phone, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(phone, Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetDateTimeOffset(LastInbound) : null;
    }

    public Task EraseAsync(string phone, CancellationToken cancellationToken = default) =>
        Table.DeleteEntityAsync(phone, Row, ETag.All, cancellationToken);
}
