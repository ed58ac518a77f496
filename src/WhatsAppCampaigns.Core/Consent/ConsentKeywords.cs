using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace WhatsAppCampaigns.Core.Consent;

public enum KeywordIntent
{
    None,
    OptOut,
    OptIn,
}

/// <summary>
/// Recognises an opt-out or opt-in in an inbound message. The whole message must be the keyword (after trimming,
/// ignoring case, accents and surrounding punctuation): "stop by the store" is not an opt-out.
/// </summary>
public sealed class ConsentKeywords
{
    private readonly HashSet<string> _optOut;
    private readonly HashSet<string> _optIn;
    private readonly HashSet<string> _optOutPayloads;

    public ConsentKeywords(IOptions<ConsentOptions> options)
    {
        var settings = options.Value;
        _optOut = Merge(ConsentKeywordDefaults.OptOut, settings.OptOutKeywords);
        _optIn = Merge(ConsentKeywordDefaults.OptIn, settings.OptInKeywords);
        _optIn.ExceptWith(_optOut); // a word in both lists is read as the safer opt-out
        var payloads = settings.OptOutButtonPayloads.Count > 0 ? settings.OptOutButtonPayloads : [.. ConsentKeywordDefaults.OptOutButtonPayloads];
        _optOutPayloads = new HashSet<string>(payloads.Select(p => p.Trim()), StringComparer.OrdinalIgnoreCase);
    }

    public KeywordIntent MatchText(string? text)
    {
        var key = Normalize(text);
        return key.Length == 0 ? KeywordIntent.None
            : _optOut.Contains(key) ? KeywordIntent.OptOut
            : _optIn.Contains(key) ? KeywordIntent.OptIn
            : KeywordIntent.None;
    }

    public bool IsOptOutPayload(string? payload) => payload is not null && _optOutPayloads.Contains(payload.Trim());

    /// <summary>Upper case, no diacritics, single spaces, no surrounding punctuation.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.IsWhiteSpace(c) ? ' ' : char.ToUpperInvariant(c));
            }
        }

        var words = builder.ToString().Trim(' ', '.', '!', '¡', '?', '¿', ',', ';', '"', '\'')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words);
    }

    private static HashSet<string> Merge(IReadOnlyDictionary<string, string[]> defaults, Dictionary<string, List<string>> configured)
    {
        var languages = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (language, words) in defaults)
        {
            languages[language] = words;
        }

        foreach (var (language, words) in configured)
        {
            languages[language] = words;
        }

        return new HashSet<string>(languages.Values.SelectMany(w => w).Select(Normalize).Where(w => w.Length > 0), StringComparer.Ordinal);
    }
}
