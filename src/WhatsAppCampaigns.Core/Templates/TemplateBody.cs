using System.Text.Json;
using System.Text.RegularExpressions;

namespace WhatsAppCampaigns.Core.Templates;

/// <summary>Reads what a template expects from its components as Graph describes them.</summary>
public static partial class TemplateBody
{
    /// <summary>Distinct <c>{{1}}</c> / <c>{{first_name}}</c> placeholders in a body text.</summary>
    public static int CountParameters(string? bodyText) =>
        bodyText is null ? 0 : Placeholder().Matches(bodyText).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The text of the BODY component, if any.</summary>
    public static string? FindBodyText(IEnumerable<JsonElement> components)
    {
        foreach (var component in components)
        {
            if (component.ValueKind == JsonValueKind.Object
                && component.TryGetProperty("type", out var type)
                && string.Equals(type.GetString(), "BODY", StringComparison.OrdinalIgnoreCase)
                && component.TryGetProperty("text", out var text))
            {
                return text.GetString();
            }
        }

        return null;
    }

    public static bool TryParseCategory(string? value, out TemplateCategory category) =>
        Enum.TryParse(value?.Trim(), ignoreCase: true, out category) && Enum.IsDefined(category);

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
