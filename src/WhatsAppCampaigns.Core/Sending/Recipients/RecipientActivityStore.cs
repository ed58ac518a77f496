using Azure;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Sending.Recipients;

/// <summary>
/// One row per recipient (partition = the number, so rows spread over partitions), read once per send and written
/// once, conditionally, before Graph is called: two senders cannot both count a recipient or both pass its frequency cap.
/// </summary>
public sealed class RecipientActivityStore(StorageClients storage) : IPersonalDataStore
{
    public const string TableName = "SendRecipients";
    private const string RowKey = "activity";
    private TableClient? _table;

    private TableClient Table => _table ??= storage.Table(TableName);

    public async Task<(RecipientActivity Activity, ETag ETag)> GetAsync(string recipient, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(recipient, RowKey, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return (RecipientActivity.New(recipient), default);
        }

        var entity = response.Value!;
        var activity = new RecipientActivity(
            recipient,
            entity.GetInt64("CountedBucket"),
            RecipientActivity.ParseTimes(entity.GetString("MarketingSends")),
            entity.GetString("PhoneNumberId"),
            entity.GetString("LastMessage"));
        return (activity, entity.ETag);
    }

    /// <summary>Writes if nobody else did since <paramref name="etag"/> (default = the row must not exist); returns the new ETag, or throws the conflict.</summary>
    public Task<ETag> WriteAsync(RecipientActivity activity, ETag etag, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(activity.Recipient, RowKey)
        {
            ["CountedBucket"] = activity.CountedBucket,
            ["MarketingSends"] = RecipientActivity.FormatTimes(activity.MarketingSends),
            ["PhoneNumberId"] = activity.PhoneNumberId,
            ["LastMessage"] = activity.LastMessage,
            ETag = etag,
        };
        return Table.WriteAsync(entity, cancellationToken);
    }

    /// <summary>As <see cref="WriteAsync"/>, but null when another writer changed the row first.</summary>
    public async Task<ETag?> TryWriteAsync(RecipientActivity activity, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteAsync(activity, etag, cancellationToken);
        }
        catch (RequestFailedException ex) when (OptimisticWrite.IsConflict(ex))
        {
            return null;
        }
    }

    public string Name => "sendActivity";

    /// <summary>The marketing sends the frequency cap still counts, and the last message sent.</summary>
    public async Task<object?> ExportAsync(string phone, CancellationToken cancellationToken = default)
    {
        var (activity, etag) = await GetAsync(phone, cancellationToken);
        return etag == default ? null : new { activity.MarketingSends, activity.LastMessage, activity.PhoneNumberId };
    }

    public Task EraseAsync(string phone, CancellationToken cancellationToken = default) =>
        Table.DeleteEntityAsync(phone, RowKey, ETag.All, cancellationToken);
}
