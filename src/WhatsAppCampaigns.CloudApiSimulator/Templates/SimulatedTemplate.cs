using System.Text.RegularExpressions;

namespace WhatsAppCampaigns.CloudApiSimulator.Templates;

/// <summary>A registered message template. The body's <c>{{n}}</c> or <c>{{name}}</c> placeholders fix its parameter count.</summary>
public sealed partial record SimulatedTemplate
{
    /// <summary>Template name, unique per language.</summary>
    public required string Name { get; init; }

    /// <summary>Language code, e.g. <c>en_US</c>.</summary>
    public required string Language { get; init; }

    /// <summary><c>MARKETING</c>, <c>UTILITY</c> or <c>AUTHENTICATION</c>.</summary>
    public string Category { get; init; } = TemplateCategories.Marketing;

    /// <summary><c>APPROVED</c>, <c>PAUSED</c>, <c>DISABLED</c>, <c>PENDING</c>, <c>REJECTED</c>…</summary>
    public string Status { get; init; } = TemplateStatuses.Approved;

    /// <summary>Graph id of the template; generated from name and language when empty.</summary>
    public string? Id { get; init; }

    /// <summary>BODY component text.</summary>
    public string BodyText { get; init; } = "";

    /// <summary>Number of distinct body placeholders, i.e. the parameters a send must supply.</summary>
    public int ParameterCount => PlaceholderPattern().Matches(BodyText).Select(m => m.Groups[1].Value).Distinct().Count();

    /// <summary>Whether sends of this template count as marketing.</summary>
    public bool IsMarketing => string.Equals(Category, TemplateCategories.Marketing, StringComparison.OrdinalIgnoreCase);

    internal string EffectiveId => Id ?? StableId(Name, Language);

    // A stable numeric id keeps listings identical across runs.
    private static string StableId(string name, string language)
    {
        ulong hash = 14695981039346656037;
        foreach (var c in name + "/" + language)
        {
            hash = (hash ^ c) * 1099511628211;
        }
        return (hash % 900_000_000_000_000UL + 100_000_000_000_000UL).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex PlaceholderPattern();
}
