using System.Text.RegularExpressions;

namespace WhatsAppCampaigns.Core.Contacts;

/// <summary>Checks a contact field by field and normalises it; nothing invalid reaches storage.</summary>
public static partial class ContactValidator
{
    public const int MaxTags = 50;
    public const int MaxAttributes = 50;
    public const int MaxNameLength = 64;
    public const int MaxAttributeValueLength = 1_024;

    public static ContactValidation Validate(ContactInput input, DateTimeOffset now)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        var country = string.IsNullOrWhiteSpace(input.Country) ? null : input.Country.Trim().ToUpperInvariant();
        if (country is not null && !PhoneNumberNormalizer.IsSupportedCountry(country))
        {
            Add("country", "must be an ISO 3166-1 alpha-2 code such as MX or ID");
        }

        if (!PhoneNumberNormalizer.TryNormalize(input.Phone, country, out var phone))
        {
            Add("phone", "must be a valid mobile number, in E.164 (+525512345678) or national form with a country");
        }
        else if (country is not null && !string.Equals(country, phone!.Country, StringComparison.Ordinal))
        {
            // Country rules (markets, the US marketing block) follow the number; a stated country must agree with it.
            Add("country", $"contradicts the number, which belongs to {phone.Country}; leave country out to take it from the number");
        }

        var timeZone = string.IsNullOrWhiteSpace(input.TimeZone) ? null : input.TimeZone.Trim();
        if (timeZone is not null && !(TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) && zone.HasIanaId))
        {
            Add("timeZone", "must be an IANA time zone such as America/Mexico_City");
        }

        var locale = string.IsNullOrWhiteSpace(input.Locale) ? null : input.Locale.Trim();
        if (locale is not null && !LocalePattern().IsMatch(locale))
        {
            Add("locale", "must be a language code such as es or es_MX");
        }

        var tags = (input.Tags ?? []).Select(t => t?.Trim().ToLowerInvariant() ?? "").Distinct().ToList();
        if (tags.Count > MaxTags || tags.Any(t => !NamePattern().IsMatch(t)))
        {
            Add("tags", $"at most {MaxTags} tags of 1–{MaxNameLength} letters, digits, '_' or '-'");
        }

        var attributes = input.Attributes ?? new Dictionary<string, string>();
        if (attributes.Count > MaxAttributes
            || attributes.Any(a => !NamePattern().IsMatch(a.Key) || a.Value is null || a.Value.Length > MaxAttributeValueLength))
        {
            Add("attributes", $"at most {MaxAttributes} attributes named with letters, digits, '_' or '-', values up to {MaxAttributeValueLength} characters");
        }

        if (errors.Count > 0)
        {
            return new ContactValidation(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        var contact = new Contact(phone!.E164, country ?? phone.Country, timeZone, locale, tags, new Dictionary<string, string>(attributes), now);
        return new ContactValidation(contact, new Dictionary<string, string[]>());
    }

    /// <summary>The rule for tag and attribute names, wherever they are given (contacts, audiences): 1–64 letters, digits, '_' or '-'.</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z]{2,3}([_-][A-Za-z]{2,4})?$")]
    private static partial Regex LocalePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();
}
