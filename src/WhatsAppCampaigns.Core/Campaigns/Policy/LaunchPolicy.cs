using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Audiences;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>
/// The checks a campaign must pass before anything starts: its templates exist and are approved, share one allowed
/// category and take the mapped parameters; it targets no country closed to that category; and a marketing campaign is
/// not aimed at people who only agreed to utility messages (they can be sent a one-time consent notice instead).
/// </summary>
public sealed class LaunchPolicy(ITemplateRegistry templates, IAudienceSource audience, IConsentLedger consent, IOptions<CampaignOptions> options)
{
    /// <summary>Members of the audience's first page whose consent is sampled.</summary>
    public const int ConsentSampleSize = 200;

    /// <returns>The campaign's category (null when the templates do not fix one), and every violation found: any refuses the launch.</returns>
    public async Task<(TemplateCategory? Category, IReadOnlyList<PolicyViolation> Violations)> CheckAsync(
        CampaignKind kind, IReadOnlyList<CampaignVariant> variants, Segment segment, int parameterCount, CancellationToken ct = default)
    {
        var violations = new List<PolicyViolation>();
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

        if (categories.Count != 1)
        {
            return (null, violations);
        }

        var category = categories.Single();
        CheckCategoryAndMarkets(kind, category, segment, violations);
        if (violations.Count == 0 && kind == CampaignKind.Standard && category == TemplateCategory.Marketing
            && await AudienceLacksMarketingConsentAsync(segment, ct))
        {
            violations.Add(new(PolicyViolation.MarketingConsentRequired,
                "No sampled member of this audience has opted in to marketing. Marketing goes only to contacts with marketing consent; "
                + "an audience with utility consent only can be sent a one-time consent notice (kind consent_notice, a UTILITY template saying marketing may follow and how to opt out)."));
        }

        return (category, violations);
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

        var markets = options.Value.MarketsFor(category);
        var closed = segment.Normalized().Countries!.Where(c => !markets.Allows(c)).ToArray();
        if (closed.Length > 0)
        {
            violations.Add(new(PolicyViolation.CountryNotAllowed,
                $"{category.ToString().ToUpperInvariant()} templates may not be sent to {string.Join(", ", closed)} (see configuration Campaigns:Markets)."));
        }
    }

    private async Task<bool> AudienceLacksMarketingConsentAsync(Segment segment, CancellationToken ct)
    {
        var sample = await audience.ReadPageAsync(segment, null, ConsentSampleSize, ct);
        if (sample.Members.Count == 0)
        {
            return false;
        }

        foreach (var member in sample.Members)
        {
            if ((await consent.GetAsync(member.Phone, ConsentScope.Marketing, ct)).AllowsSending)
            {
                return false;
            }
        }

        return true;
    }
}
