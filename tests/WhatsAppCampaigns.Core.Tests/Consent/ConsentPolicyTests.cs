using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Tests.Consent;

/// <summary>The one consent rule: category and kind in, allowed or a reason out.</summary>
public sealed class ConsentPolicyTests
{
    public static readonly TheoryData<TemplateCategory, CampaignKind, ConsentStatus?, ConsentStatus?, bool, string?> Cases = new()
    {
        // category, kind, marketing, utility, suppressed → refusal
        { TemplateCategory.Marketing, CampaignKind.Standard, ConsentStatus.OptedIn, null, false, null },
        { TemplateCategory.Marketing, CampaignKind.Standard, null, ConsentStatus.OptedIn, false, "no_consent" },
        { TemplateCategory.Marketing, CampaignKind.Standard, ConsentStatus.OptedOut, ConsentStatus.OptedIn, false, "opted_out" },
        { TemplateCategory.Marketing, CampaignKind.Standard, ConsentStatus.OptedIn, null, true, "suppressed" },
        { TemplateCategory.Utility, CampaignKind.Standard, ConsentStatus.OptedIn, null, false, null },   // marketing consent covers utility
        { TemplateCategory.Utility, CampaignKind.Standard, null, ConsentStatus.OptedIn, false, null },
        { TemplateCategory.Utility, CampaignKind.Standard, ConsentStatus.OptedIn, ConsentStatus.OptedOut, false, "opted_out" },
        { TemplateCategory.Utility, CampaignKind.Standard, ConsentStatus.OptedOut, null, false, "no_consent" },
        { TemplateCategory.Utility, CampaignKind.Standard, ConsentStatus.OptedOut, ConsentStatus.OptedIn, false, null },
        { TemplateCategory.Utility, CampaignKind.Standard, null, ConsentStatus.OptedIn, true, "suppressed" },
        { TemplateCategory.Utility, CampaignKind.ConsentNotice, null, ConsentStatus.OptedIn, false, null },
        { TemplateCategory.Utility, CampaignKind.ConsentNotice, ConsentStatus.OptedIn, ConsentStatus.OptedIn, false, "has_marketing_consent" },
        { TemplateCategory.Utility, CampaignKind.ConsentNotice, ConsentStatus.OptedOut, ConsentStatus.OptedIn, false, "opted_out" },
        { TemplateCategory.Utility, CampaignKind.ConsentNotice, ConsentStatus.OptedIn, null, false, "no_consent" },
        { TemplateCategory.Utility, CampaignKind.ConsentNotice, null, ConsentStatus.OptedIn, true, "suppressed" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_FollowsTheRule(TemplateCategory category, CampaignKind kind, ConsentStatus? marketing, ConsentStatus? utility, bool suppressed, string? expected)
    {
        var snapshot = new ConsentSnapshot(
            new ConsentState(ConsentScope.Marketing, marketing, null, null, suppressed),
            new ConsentState(ConsentScope.Utility, utility, null, null, suppressed));
        Assert.Equal(expected, ConsentPolicy.Decide(category, kind, snapshot));
    }
}
