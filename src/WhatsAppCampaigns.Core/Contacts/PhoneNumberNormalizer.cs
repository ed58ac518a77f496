using PhoneNumbers;

namespace WhatsAppCampaigns.Core.Contacts;

/// <summary>A number accepted as a WhatsApp recipient: E.164 and the region it belongs to.</summary>
public sealed record NormalizedPhone(string E164, string Country);

/// <summary>
/// Turns what people type or systems export into the E.164 identity used everywhere, with libphonenumber.
/// Only numbers that can be mobile are accepted: WhatsApp lives on phones, and a landline would only fail later.
/// </summary>
public static class PhoneNumberNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <param name="defaultCountry">ISO 3166-1 alpha-2 used when <paramref name="raw"/> has no country code.</param>
    public static bool TryNormalize(string? raw, string? defaultCountry, out NormalizedPhone? phone)
    {
        phone = null;
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 32)
        {
            return false;
        }

        var text = raw.Trim();
        if (!text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.'))
        {
            return false; // letters would be read as an extension or a vanity number: neither is a WhatsApp recipient
        }

        var region = string.IsNullOrWhiteSpace(defaultCountry) ? null : defaultCountry.Trim().ToUpperInvariant();
        if (region is null && !text.StartsWith('+') && text.All(c => char.IsAsciiDigit(c)))
        {
            // Digits alone, as WhatsApp's wa_id writes them: already international.
            text = "+" + text;
        }

        try
        {
            var number = Util.Parse(text, region ?? "ZZ");
            if (number.HasExtension || !Util.IsValidNumber(number) || Util.GetNumberType(number) is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
            {
                return false;
            }

            phone = new NormalizedPhone(Util.Format(number, PhoneNumberFormat.E164), Util.GetRegionCodeForNumber(number));
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>
    /// The E.164 of a WhatsApp id (<c>wa_id</c>, a message's <c>from</c>): its digits, except where WhatsApp keeps a
    /// number's older form: Mexican mobiles as 52·1·…, Brazilian mobiles without their ninth digit. Without this an
    /// opt-out from such a number would be recorded on a number that no contact has.
    /// </summary>
    /// <summary>Shaped as E.164 (<c>+</c> and 7–15 digits, no leading zero): what the product writes, e.g. in callback data.</summary>
    public static bool IsE164(string? value) =>
        value is { Length: >= 8 and <= 16 } && value[0] == '+' && value[1] != '0' && value.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;

    public static bool TryFromWhatsAppId(string? waId, out string e164)
    {
        e164 = "";
        if (waId is not { Length: >= 7 and <= 15 } || !waId.All(char.IsAsciiDigit))
        {
            return false;
        }

        string[] candidates = waId switch
        {
            { Length: 13 } when waId.StartsWith("521", StringComparison.Ordinal) => [waId, "52" + waId[3..]],
            { Length: 12 } when waId.StartsWith("55", StringComparison.Ordinal) => [waId, waId[..4] + "9" + waId[4..]],
            _ => [waId],
        };
        foreach (var candidate in candidates)
        {
            if (TryNormalize("+" + candidate, null, out var phone))
            {
                e164 = phone!.E164;
                return true;
            }
        }

        e164 = "+" + waId; // not a number libphonenumber knows as mobile: keep WhatsApp's own, never drop an opt-out
        return true;
    }

    /// <summary>The region (ISO 3166-1 alpha-2) a number belongs to by its calling code and prefix; null when libphonenumber knows none.</summary>
    public static string? RegionOf(string e164)
    {
        try
        {
            var region = Util.GetRegionCodeForNumber(Util.Parse(e164, "ZZ"));
            return region is null or "ZZ" ? null : region;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static bool IsSupportedCountry(string? country) =>
        country is { Length: 2 } && Util.GetSupportedRegions().Contains(country.ToUpperInvariant());
}
