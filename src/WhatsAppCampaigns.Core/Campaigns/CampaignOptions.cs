using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>
/// Campaign policy and fan-out sizing. Section <c>Campaigns</c>. A list or map configured here replaces its default as a
/// whole (configuration binding would otherwise append to it): defaults are filled in only where nothing is configured.
/// </summary>
public sealed class CampaignOptions
{
    public const string SectionName = "Campaigns";

    /// <summary>Template categories a campaign may use; empty = MARKETING and UTILITY (authentication templates are one-time codes, not campaigns).</summary>
    public List<TemplateCategory> AllowedCategories { get; set; } = [];

    /// <summary>
    /// The business's own markets per category (keys <c>Marketing</c>, <c>Utility</c>, <c>Authentication</c>): where it
    /// sends. They narrow <see cref="PlatformBlocked"/>, never widen it.
    /// </summary>
    public Dictionary<string, CategoryMarkets> Markets { get; set; } = [];

    /// <summary>
    /// Where WhatsApp itself does not deliver a category (fact sheet: no marketing templates to US numbers). Empty =
    /// that default; a configured map replaces it whole, so list every country when changing it.
    /// </summary>
    public Dictionary<string, List<string>> PlatformBlocked { get; set; } = [];

    /// <summary>Recipients read per fan-out activity.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>A launch counts its audience up to this many members (the 202 says "at least" beyond it); the fan-out's totals are exact.</summary>
    public long LaunchCountLimit { get; set; } = 50_000;

    /// <summary>Pages per orchestration generation before ContinueAsNew: bounds the history.</summary>
    public int PagesPerGeneration { get; set; } = 20;

    /// <summary>How long a campaign's state is cached for senders that ask per message.</summary>
    public TimeSpan StateCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A marketing opt-out on WhatsApp counts against the campaign message delivered last within this time before it.</summary>
    public TimeSpan OptOutAttributionWindow { get; set; } = TimeSpan.FromDays(7);

    public static readonly IReadOnlyDictionary<string, List<string>> DefaultPlatformBlocked = new Dictionary<string, List<string>>
    {
        [nameof(TemplateCategory.Marketing)] = ["US"],
    };

    public IReadOnlyList<TemplateCategory> EffectiveAllowedCategories =>
        AllowedCategories.Count > 0 ? AllowedCategories : [TemplateCategory.Marketing, TemplateCategory.Utility];

    public CategoryMarkets MarketsFor(TemplateCategory category) => Lookup(Markets, category) ?? new CategoryMarkets();

    public IReadOnlyList<string> PlatformBlockedFor(TemplateCategory category) =>
        Lookup(PlatformBlocked.Count > 0 ? PlatformBlocked : DefaultPlatformBlocked, category) ?? [];

    private static T? Lookup<T>(IReadOnlyDictionary<string, T> map, TemplateCategory category) where T : class =>
        map.FirstOrDefault(m => string.Equals(m.Key, category.ToString(), StringComparison.OrdinalIgnoreCase)).Value;
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
