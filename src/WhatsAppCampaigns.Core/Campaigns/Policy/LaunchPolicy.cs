using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Audiences;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>What the launch check found: the campaign's category (null when the templates do not fix one), every violation, and the audience's size.</summary>
public sealed record LaunchCheck(TemplateCategory? Category, IReadOnlyList<PolicyViolation> Violations, AudienceSize? Audience);

/// <summary>
/// The checks a campaign must pass before anything starts: its audience says whom it selects and matches someone; its
/// templates exist and are approved, share one allowed category and take the mapped parameters; it targets no country
/// closed to that category; and a marketing campaign is not aimed at people who only agreed to utility messages (they can
/// be sent a one-time consent notice instead).
/// </summary>
public sealed class LaunchPolicy(
    ITemplateRegistry templates,
    IAudienceSource audience,
    ConsentPolicy consent,
    MarketPolicy markets,
    IOptions<CampaignOptions> options)
{
    /// <summary>Members of the audience whose consent is sampled.</summary>
    public const int ConsentSampleSize = 200;

    public async Task<LaunchCheck> CheckAsync(
        CampaignKind kind, IReadOnlyList<CampaignVariant> variants, Segment segment, int parameterCount, CancellationToken ct = default)
    {
        var violations = new List<PolicyViolation>();
        if (!segment.IsExplicit)
        {
            violations.Add(new(PolicyViolation.AudienceRequired, "Say whom the campaign is for: tags, countries or attributes, or \"all\": true for every contact."));
            return new LaunchCheck(null, violations, null);
        }

        var category = await CheckTemplatesAsync(variants, parameterCount, violations, ct);
        if (category is null)
        {
            return new LaunchCheck(null, violations, null);
        }

        CheckCategoryAndMarkets(kind, category.Value, segment, violations);
        var size = await AudienceSize.CountAsync(audience, segment, options.Value.PageSize, options.Value.LaunchCountLimit, ConsentSampleSize, ct);
        if (size is { Count: 0, Exact: true })
        {
            violations.Add(new(PolicyViolation.AudienceEmpty, "The audience matches no contact."));
        }
        else if (violations.Count == 0 && kind == CampaignKind.Standard && category == TemplateCategory.Marketing
            && await NoneHasMarketingConsentAsync(size.Sample, ct))
        {
            violations.Add(new(PolicyViolation.MarketingConsentRequired,
                "No sampled member of this audience has opted in to marketing. Marketing goes only to contacts with marketing consent; "
                + "an audience with utility consent only can be sent a one-time consent notice (kind consent_notice, a UTILITY template saying marketing may follow and how to opt out)."));
        }

        return new LaunchCheck(category, violations, size);
    }

    private async Task<TemplateCategory?> CheckTemplatesAsync(IReadOnlyList<CampaignVariant> variants, int parameterCount, List<PolicyViolation> violations, CancellationToken ct)
    {
        var categories = new HashSet<TemplateCategory>();
        foreach (var variant in variants)
        {
            var template = await templates.FindAsync(variant.TemplateName, variant.Language, ct);
            var label = $"{variant.TemplateName} ({variant.Language})";
            if (template is null)
            {
                violations.Add(new(PolicyViolation.TemplateUnknown, $"Template {label} is not registered; sync templates or PUT it first."));
                continue;
            }

            if (!template.IsSendable)
            {
                violations.Add(new(PolicyViolation.TemplateNotApproved, $"Template {label} is {template.Status}; only APPROVED templates can be sent."));
            }

            if (template.ParameterCount != parameterCount)
            {
                violations.Add(new(PolicyViolation.ParameterCountMismatch, $"Template {label} takes {template.ParameterCount} body parameters; the campaign maps {parameterCount}."));
            }

            categories.Add(template.Category);
        }

        if (categories.Count > 1)
        {
            violations.Add(new(PolicyViolation.CategoriesDiffer, "All variants must use templates of one category."));
        }

        return categories.Count == 1 ? categories.Single() : null;
    }

    private void CheckCategoryAndMarkets(CampaignKind kind, TemplateCategory category, Segment segment, List<PolicyViolation> violations)
    {
        if (!options.Value.EffectiveAllowedCategories.Contains(category))
        {
            violations.Add(new(PolicyViolation.CategoryNotAllowed, $"{category.ToString().ToUpperInvariant()} templates are not allowed for campaigns."));
        }

        if (kind == CampaignKind.ConsentNotice && category != TemplateCategory.Utility)
        {
            violations.Add(new(PolicyViolation.ConsentNoticeNeedsUtility, "A consent notice must use a UTILITY template."));
        }

        var closed = segment.Normalized().Countries!.Where(c => !markets.AllowsCountry(category, c)).ToArray();
        if (closed.Length > 0)
        {
            violations.Add(new(PolicyViolation.CountryNotAllowed,
                $"{category.ToString().ToUpperInvariant()} templates may not be sent to {string.Join(", ", closed)} (see configuration Campaigns:Markets and Campaigns:PlatformBlocked)."));
        }
    }

    private async Task<bool> NoneHasMarketingConsentAsync(IReadOnlyList<AudienceMember> sample, CancellationToken ct)
    {
        foreach (var member in sample)
        {
            if (await consent.RefusalAsync(member.Phone, TemplateCategory.Marketing, CampaignKind.Standard, ct) is null)
            {
                return false;
            }
        }

        return sample.Count > 0;
    }
}
