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

    public async Task RecordInboundAsync(string phone, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await Table.GetEntityIfExistsAsync<TableEntity>(phone, Row, cancellationToken: cancellationToken);
            if (current.HasValue && current.Value!.GetDateTimeOffset(LastInbound) >= at)
            {
                return;
            }

            var row = new TableEntity(phone, Row) { [LastInbound] = at };
            try
            {
                await (current.HasValue
                    ? Table.UpdateEntityAsync(row, current.Value!.ETag, TableUpdateMode.Replace, cancellationToken)
                    : Table.AddEntityAsync(row, cancellationToken));
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 8)
            {
                // A concurrent inbound message wrote first: re-read and keep the later time.
            }
        }
    }

    public async Task<DateTimeOffset?> LastInboundAsync(string phone, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(phone, Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetDateTimeOffset(LastInbound) : null;
    }

    public Task EraseAsync(string phone, CancellationToken cancellationToken = default) =>
        Table.DeleteEntityAsync(phone, Row, ETag.All, cancellationToken);
}
