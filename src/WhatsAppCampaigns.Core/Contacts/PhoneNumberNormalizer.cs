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
        var region = string.IsNullOrWhiteSpace(defaultCountry) ? null : defaultCountry.Trim().ToUpperInvariant();
        if (region is null && !text.StartsWith('+') && text.All(c => char.IsAsciiDigit(c)))
        {
            // Digits alone, as WhatsApp's wa_id writes them: already international.
            text = "+" + text;
        }

        try
        {
            var number = Util.Parse(text, region ?? "ZZ");
            if (!Util.IsValidNumber(number) || Util.GetNumberType(number) is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
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

    public static bool IsSupportedCountry(string? country) =>
        country is { Length: 2 } && Util.GetSupportedRegions().Contains(country.ToUpperInvariant());
}
