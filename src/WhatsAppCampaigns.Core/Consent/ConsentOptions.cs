namespace WhatsAppCampaigns.Core.Consent;

/// <summary>
/// Section <c>Consent</c>. Keyword lists are per language; a language configured here replaces that language's
/// defaults (<see cref="ConsentKeywordDefaults"/>), other languages keep theirs.
/// </summary>
public sealed class ConsentOptions
{
    public const string SectionName = "Consent";

    /// <summary>
    /// Secret key of the HMAC-SHA256 that turns an erased number into its suppression entry (secret; never rotate
    /// it without re-hashing the entries, or erased numbers stop being recognised).
    /// </summary>
    public string SuppressionHashKey { get; set; } = "";

    /// <summary>Whole messages that mean "stop marketing", per language code (en, es, id, pt, …).</summary>
    public Dictionary<string, List<string>> OptOutKeywords { get; set; } = [];

    /// <summary>Whole messages that mean "send me marketing", per language code.</summary>
    public Dictionary<string, List<string>> OptInKeywords { get; set; } = [];

    /// <summary>Quick-reply button payloads that mean "stop marketing"; empty means the defaults.</summary>
    public List<string> OptOutButtonPayloads { get; set; } = [];
}
