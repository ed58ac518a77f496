using System.Text.RegularExpressions;

namespace WhatsAppCampaigns.Core.Templates;

/// <summary>
/// Meta's rules for a template's name, language and size, checked wherever one is given (the template API, campaigns,
/// cart events). A name or language is also part of the registry's Table keys, which these rules keep valid.
/// </summary>
public static partial class TemplateNames
{
    /// <summary>Meta's limit on a BODY component's text.</summary>
    public const int MaxBodyChars = 1_024;

    /// <summary>Meta allows a header, a body, a footer and one buttons component; a little room beyond that.</summary>
    public const int MaxComponents = 10;

    public static bool IsValidName(string? name) => name is not null && Name().IsMatch(name);

    public static bool IsValidLanguage(string? language) => language is not null && Language().IsMatch(language);

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex Name();

    [GeneratedRegex("^[a-z]{2,3}(_[A-Za-z]{2,4})?$")]
    private static partial Regex Language();
}
