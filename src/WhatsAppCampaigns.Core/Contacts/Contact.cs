namespace WhatsAppCampaigns.Core.Contacts;

/// <summary>A person the business may message.</summary>
/// <param name="Phone">E.164, the contact's identity everywhere in the product.</param>
/// <param name="Country">ISO 3166-1 alpha-2, derived from the number unless given.</param>
/// <param name="TimeZone">IANA zone; null means "derive from the number".</param>
/// <param name="Undeliverable">Set when Graph answered 131026: the number cannot receive WhatsApp messages.</param>
public sealed record Contact(
    string Phone,
    string Country,
    string? TimeZone,
    string? Locale,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset UpdatedAt,
    bool Undeliverable = false);
