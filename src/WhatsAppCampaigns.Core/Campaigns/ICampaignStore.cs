namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>Campaign rows (table <c>Campaigns</c>); every change is an optimistic read-modify-write.</summary>
public interface ICampaignStore
{
    Task CreateAsync(CampaignRecord record, CancellationToken cancellationToken = default);

    Task<CampaignRecord?> GetAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="change"/> (null = no change allowed) with ETag retries; returns the stored record, or null if unknown.</summary>
    Task<CampaignRecord?> UpdateAsync(string campaignId, Func<CampaignRecord, CampaignRecord?> change, CancellationToken cancellationToken = default);

    /// <summary>Ids of campaigns that use a template (any state).</summary>
    Task<IReadOnlyList<string>> FindByTemplateAsync(string templateName, string language, CancellationToken cancellationToken = default);
}
