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

    /// <summary>
    /// How far apart two consent events must be for an opt-in to override an opt-out (see <see cref="ConsentRegister"/>),
    /// and how far ahead of now the business's clock may date a change it sends.
    /// </summary>
    public TimeSpan ClockTolerance { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>No consent can predate this (WhatsApp did not exist before 2009): an older <c>at</c> is a mistake.</summary>
    public DateTimeOffset EarliestConsentAt { get; set; } = new(2009, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
