using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Audiences;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>
/// Decides, for one member of the audience, whether the campaign goes to them; the forecast and the fan-out both use
/// it, so a forecast counts exactly what a run on the same data does. The sender checks consent again at send time.
/// </summary>
public sealed class RecipientEvaluator(
    IConsentLedger consent,
    IFrequencyCapProbe frequencyCaps,
    ConsentNoticeLog notices,
    IOptions<CampaignOptions> options)
{
    /// <returns>Null when eligible, otherwise one of <see cref="SkipReasons"/>.</returns>
    public async Task<string?> EvaluateAsync(CampaignDefinition campaign, AudienceMember member, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (member.Undeliverable)
        {
            return SkipReasons.Undeliverable;
        }

        if (!options.Value.MarketsFor(campaign.Category).Allows(member.Country))
        {
            return SkipReasons.CountryNotAllowed;
        }

        if (TemplateParameters.Resolve(campaign.Parameters, member) is null)
        {
            return SkipReasons.MissingParameter;
        }

        var consentReason = campaign.Kind == CampaignKind.ConsentNotice
            ? await ConsentNoticeReasonAsync(campaign, member.Phone, cancellationToken)
            : await ConsentReasonAsync(campaign.Category, member.Phone, cancellationToken);
        if (consentReason is not null)
        {
            return consentReason;
        }

        if (campaign.Category == TemplateCategory.Marketing
            && await frequencyCaps.IsCappedAsync(member.Phone, campaign.Policy, now, cancellationToken))
        {
            return SkipReasons.FrequencyCap;
        }

        return null;
    }

    private async Task<string?> ConsentReasonAsync(TemplateCategory category, string phone, CancellationToken ct)
    {
        var marketing = await consent.GetAsync(phone, ConsentScope.Marketing, ct);
        if (category == TemplateCategory.Marketing)
        {
            return marketing.AllowsSending ? null : Refusal(marketing);
        }

        // Utility: a utility opt-in, or a marketing opt-in (consent to hear from the business), unless utility was refused.
        var utility = await consent.GetAsync(phone, ConsentScope.Utility, ct);
        return utility.AllowsSending ? null
            : utility.Status == ConsentStatus.OptedOut || utility.Suppressed ? SkipReasons.OptedOut
            : marketing.AllowsSending ? null
            : SkipReasons.NoConsent;
    }

    private async Task<string?> ConsentNoticeReasonAsync(CampaignDefinition campaign, string phone, CancellationToken ct)
    {
        var utility = await consent.GetAsync(phone, ConsentScope.Utility, ct);
        if (!utility.AllowsSending)
        {
            return Refusal(utility);
        }

        var marketing = await consent.GetAsync(phone, ConsentScope.Marketing, ct);
        if (marketing.Status == ConsentStatus.OptedOut || marketing.Suppressed)
        {
            return SkipReasons.OptedOut; // they said no to marketing: do not ask again
        }

        if (marketing.Status == ConsentStatus.OptedIn)
        {
            return SkipReasons.HasMarketingConsent;
        }

        var noticedBy = await notices.FindCampaignAsync(phone, ct);
        return noticedBy is null || noticedBy == campaign.Id ? null : SkipReasons.ConsentNoticeAlreadySent;
    }

    private static string Refusal(ConsentState state) =>
        state.Status == ConsentStatus.OptedOut || state.Suppressed ? SkipReasons.OptedOut : SkipReasons.NoConsent;
}
