namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>Why a launch is refused: a machine-readable code and a sentence for a person.</summary>
public sealed record PolicyViolation(string Code, string Message)
{
    public const string TemplateUnknown = "template_unknown";
    public const string TemplateNotApproved = "template_not_approved";
    public const string CategoryNotAllowed = "category_not_allowed";
    public const string CategoriesDiffer = "template_categories_differ";
    public const string ParameterCountMismatch = "parameter_count_mismatch";
    public const string CountryNotAllowed = "country_not_allowed";
    public const string MarketingConsentRequired = "marketing_consent_required";
    public const string ConsentNoticeNeedsUtility = "consent_notice_requires_utility_template";
    public const string AudienceRequired = "audience_required";
    public const string AudienceEmpty = "audience_empty";
}
