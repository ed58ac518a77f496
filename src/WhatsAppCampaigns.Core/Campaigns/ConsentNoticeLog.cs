using Azure;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>
/// Who has been sent the one-time consent notice, and by which campaign (table <c>ConsentNotices</c>, PK = phone).
/// Recorded before the notice is enqueued: at most one notice per person, even across campaigns.
/// </summary>
public sealed class ConsentNoticeLog(StorageClients storage) : IPersonalDataStore
{
    public const string TableName = "ConsentNotices";
    private const string Row = "notice";

    private TableClient Table => storage.Table(TableName);

    public async Task<string?> FindCampaignAsync(string phone, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(phone, Row, select: ["CampaignId"], cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("CampaignId") : null;
    }

    /// <returns>False when another campaign recorded a notice first.</returns>
    public async Task<bool> TryRecordAsync(string phone, string campaignId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(phone, Row) { ["CampaignId"] = campaignId, ["At"] = at }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await FindCampaignAsync(phone, cancellationToken) == campaignId;
        }
    }

    public string Name => "consentNotice";

    public async Task<object?> ExportAsync(string phone, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(phone, Row, cancellationToken: cancellationToken);
        return row.HasValue ? new { CampaignId = row.Value!.GetString("CampaignId"), At = row.Value!.GetDateTimeOffset("At") } : null;
    }

    public Task EraseAsync(string phone, CancellationToken cancellationToken = default) =>
        Table.DeleteEntityAsync(phone, Row, ETag.All, cancellationToken);
}
