using WhatsAppCampaigns.Core.Consent;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>Why a member of the audience is not sent the campaign; the same words in forecasts, progress and the funnel.</summary>
public static class SkipReasons
{
    public const string NoConsent = ConsentRefusals.NoConsent;
    public const string OptedOut = ConsentRefusals.OptedOut;
    public const string Suppressed = ConsentRefusals.Suppressed;
    public const string HasMarketingConsent = ConsentRefusals.HasMarketingConsent;
    public const string CountryNotAllowed = "country_not_allowed";
    public const string FrequencyCap = "frequency_cap";
    public const string MissingParameter = "missing_parameter";
    public const string Undeliverable = "undeliverable";
    public const string ConsentNoticeAlreadySent = "consent_notice_already_sent";
    public const string Holdout = "holdout";
}
