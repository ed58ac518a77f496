using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Tests.Campaigns;

/// <summary>Country rules follow the number's own region, and configuring markets never reopens what WhatsApp closes.</summary>
public sealed class MarketPolicyTests
{
    private const string UsMobile = "+14155552671";
    private const string MexicoMobile = "+5215512345678";

    private static MarketPolicy Policy(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddOptions<CampaignOptions>().Bind(configuration.GetSection(CampaignOptions.SectionName));
        return new MarketPolicy(services.BuildServiceProvider().GetRequiredService<IOptions<CampaignOptions>>());
    }

    [Fact]
    public void UsNumber_StoredAsMexican_IsStillClosedToMarketing()
    {
        var policy = Policy();
        Assert.Equal(SkipReasons.CountryNotAllowed, policy.Refusal(TemplateCategory.Marketing, UsMobile, statedCountry: "MX"));
        Assert.Null(policy.Refusal(TemplateCategory.Utility, UsMobile, statedCountry: "MX"));
        Assert.Null(policy.Refusal(TemplateCategory.Marketing, MexicoMobile, statedCountry: "MX"));
    }

    [Fact]
    public void StatedCountryThatIsClosed_AlsoRefuses()
    {
        Assert.Equal(SkipReasons.CountryNotAllowed, Policy().Refusal(TemplateCategory.Marketing, MexicoMobile, statedCountry: "US"));
    }

    [Fact]
    public void ConfiguringTheBusinessMarkets_KeepsTheUsBlock()
    {
        var policy = Policy(new Dictionary<string, string?> { ["Campaigns:Markets:Marketing:Blocked:0"] = "BR" });
        Assert.Equal(SkipReasons.CountryNotAllowed, policy.Refusal(TemplateCategory.Marketing, UsMobile));
        Assert.Equal(SkipReasons.CountryNotAllowed, policy.Refusal(TemplateCategory.Marketing, "+5511987654321"));
        Assert.Null(policy.Refusal(TemplateCategory.Marketing, MexicoMobile));
    }

    [Fact]
    public void OpenMarkets_NarrowToThoseCountries()
    {
        var policy = Policy(new Dictionary<string, string?> { ["Campaigns:Markets:Marketing:Open:0"] = "MX", ["Campaigns:Markets:Marketing:Open:1"] = "ID" });
        Assert.Null(policy.Refusal(TemplateCategory.Marketing, MexicoMobile));
        Assert.Null(policy.Refusal(TemplateCategory.Marketing, "+6281234567890"));
        Assert.Equal(SkipReasons.CountryNotAllowed, policy.Refusal(TemplateCategory.Marketing, "+5511987654321"));
    }

    [Fact]
    public void ConfiguredPlatformBlock_ReplacesTheDefaultWhole()
    {
        var policy = Policy(new Dictionary<string, string?> { ["Campaigns:PlatformBlocked:Marketing:0"] = "US", ["Campaigns:PlatformBlocked:Marketing:1"] = "CA" });
        Assert.Equal(SkipReasons.CountryNotAllowed, policy.Refusal(TemplateCategory.Marketing, UsMobile));
        Assert.Equal(SkipReasons.CountryNotAllowed, policy.Refusal(TemplateCategory.Marketing, "+16135550123"));
        var options = new CampaignOptions();
        options.PlatformBlocked["Marketing"] = ["CA"];
        Assert.Equal(["CA"], options.PlatformBlockedFor(TemplateCategory.Marketing));
    }
}
