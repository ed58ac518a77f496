using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>Campaign policy and fan-out sizing. Section <c>Campaigns</c>.</summary>
public sealed class CampaignOptions
{
    public const string SectionName = "Campaigns";

    /// <summary>Template categories a campaign may use; authentication templates are one-time codes, not campaigns.</summary>
    public List<TemplateCategory> AllowedCategories { get; set; } = [];

    /// <summary>Markets per category (keys <c>Marketing</c>, <c>Utility</c>, <c>Authentication</c>); a category without an entry uses <see cref="DefaultMarkets"/>.</summary>
    public Dictionary<string, CategoryMarkets> Markets { get; set; } = [];

    /// <summary>Recipients read per fan-out activity.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Pages per orchestration generation before ContinueAsNew: bounds the history.</summary>
    public int PagesPerGeneration { get; set; } = 20;

    /// <summary>How long a campaign's state is cached for senders that ask per message.</summary>
    public TimeSpan StateCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A marketing opt-out on WhatsApp counts against the campaign message delivered last within this time before it.</summary>
    public TimeSpan OptOutAttributionWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Fact sheet: WhatsApp does not deliver marketing templates to US numbers.</summary>
    public static CategoryMarkets DefaultMarkets(TemplateCategory category) =>
        category == TemplateCategory.Marketing ? new CategoryMarkets { Blocked = ["US"] } : new CategoryMarkets();

    public IReadOnlyList<TemplateCategory> EffectiveAllowedCategories =>
        AllowedCategories.Count > 0 ? AllowedCategories : [TemplateCategory.Marketing, TemplateCategory.Utility];

    public CategoryMarkets MarketsFor(TemplateCategory category) =>
        Markets.FirstOrDefault(m => string.Equals(m.Key, category.ToString(), StringComparison.OrdinalIgnoreCase)).Value
        ?? DefaultMarkets(category);
}

/// <summary>Where a category may be sent: countries in <see cref="Open"/> (empty = everywhere) and not in <see cref="Blocked"/>.</summary>
public sealed class CategoryMarkets
{
    public List<string> Open { get; set; } = [];

    public List<string> Blocked { get; set; } = [];

    public bool Allows(string country) =>
        !Blocked.Contains(country, StringComparer.OrdinalIgnoreCase)
        && (Open.Count == 0 || Open.Contains(country, StringComparer.OrdinalIgnoreCase));
}
