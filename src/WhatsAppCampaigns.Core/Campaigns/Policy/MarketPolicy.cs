using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>
/// The one country rule: a category goes to a recipient only where WhatsApp delivers it (<see cref="CampaignOptions.PlatformBlocked"/>)
/// and the business sends it (<see cref="CampaignOptions.Markets"/>). The country is the number's own — the region its
/// calling code and prefix belong to, by libphonenumber — never only what a caller stated; a stated country that
/// differs (stored before contacts were checked for it) must pass too. The forecast, the fan-out, the launch check and
/// the senders (so reminders too) all ask it.
/// </summary>
public sealed class MarketPolicy(IOptions<CampaignOptions> options)
{
    /// <returns>Null when allowed, else <see cref="SkipReasons.CountryNotAllowed"/>.</returns>
    public string? Refusal(TemplateCategory category, string phone, string? statedCountry = null)
    {
        var region = PhoneNumberNormalizer.RegionOf(phone);
        if (region is null || !AllowsCountry(category, region))
        {
            return SkipReasons.CountryNotAllowed;
        }

        return string.IsNullOrEmpty(statedCountry) || AllowsCountry(category, statedCountry) ? null : SkipReasons.CountryNotAllowed;
    }

    public bool AllowsCountry(TemplateCategory category, string country) =>
        !options.Value.PlatformBlockedFor(category).Contains(country, StringComparer.OrdinalIgnoreCase)
        && options.Value.MarketsFor(category).Allows(country);
}
