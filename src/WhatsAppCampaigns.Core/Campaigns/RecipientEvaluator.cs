using WhatsAppCampaigns.Core.Audiences;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>
/// Decides, for one member of the audience, whether the campaign goes to them; the forecast and the fan-out both use
/// it, so a forecast counts exactly what a run on the same data does. Country and consent come from their one rule each
/// (<see cref="MarketPolicy"/>, <see cref="ConsentPolicy"/>), which the senders ask again at send time.
/// </summary>
public sealed class RecipientEvaluator(
    ConsentPolicy consent,
    MarketPolicy markets,
    IFrequencyCapProbe frequencyCaps,
    ConsentNoticeLog notices)
{
    /// <returns>Null when eligible, otherwise one of <see cref="SkipReasons"/>.</returns>
    public async Task<string?> EvaluateAsync(CampaignDefinition campaign, AudienceMember member, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (member.Undeliverable)
        {
            return SkipReasons.Undeliverable;
        }

        if (markets.Refusal(campaign.Category, member.Phone, member.Country) is { } closed)
        {
            return closed;
        }

        if (TemplateParameters.Resolve(campaign.Parameters, member) is null)
        {
            return SkipReasons.MissingParameter;
        }

        if (await consent.RefusalAsync(member.Phone, campaign.Category, campaign.Kind, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (campaign.Kind == CampaignKind.ConsentNotice)
        {
            var noticedBy = await notices.FindCampaignAsync(member.Phone, cancellationToken);
            return noticedBy is null || noticedBy == campaign.Id ? null : SkipReasons.ConsentNoticeAlreadySent;
        }

        if (campaign.Category == TemplateCategory.Marketing
            && await frequencyCaps.IsCappedAsync(member.Phone, campaign.Policy, now, cancellationToken))
        {
            return SkipReasons.FrequencyCap;
        }

        return null;
    }
}
