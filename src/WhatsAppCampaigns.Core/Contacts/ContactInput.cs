namespace WhatsAppCampaigns.Core.Contacts;

/// <summary>A contact as a caller sends it (API body or import row), before validation.</summary>
public sealed record ContactInput(
    string? Phone,
    string? Country = null,
    string? TimeZone = null,
    string? Locale = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyDictionary<string, string>? Attributes = null);

/// <summary>The outcome of <see cref="ContactValidator.Validate"/>: a contact, or errors keyed by field.</summary>
public sealed record ContactValidation(Contact? Contact, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Contact is not null;
}
