namespace WhatsAppCampaigns.CloudApiSimulator.Scenario;

/// <summary>Phone number helpers: wa_id form, masking for logs, and the US rule.</summary>
public static class PhoneNumberText
{
    // NANP area codes outside the US (Canada and the Caribbean). Any other +1 number counts as US,
    // including US territories, which is what "a US area code" means in Meta's rule.
    private static readonly HashSet<string> NonUsNanpAreaCodes =
    [
        "204", "226", "236", "249", "250", "257", "263", "289", "306", "343", "354", "365", "367", "368", "382",
        "403", "416", "418", "428", "431", "437", "438", "450", "468", "474", "506", "514", "519", "548", "579",
        "581", "584", "587", "600", "604", "613", "622", "639", "647", "672", "683", "705", "709", "742", "753",
        "778", "780", "782", "807", "819", "825", "867", "873", "879", "902", "905",
        "242", "246", "264", "268", "284", "345", "441", "473", "649", "658", "664", "721", "758", "767", "784",
        "809", "829", "849", "868", "869", "876",
    ];

    /// <summary>
    /// Graph's <c>wa_id</c>: the digits, with Mexico's mobiles in WhatsApp's own older form: <c>+52 55 1234 5678</c> is
    /// reported as <c>5215512345678</c> (52, then 1, then the ten digits), as WhatsApp does.
    /// </summary>
    public static string ToWaId(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var digits = string.Create(phone.Count(char.IsAsciiDigit), phone, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (char.IsAsciiDigit(c))
                {
                    span[i++] = c;
                }
            }
        });
        return digits.Length == 12 && digits.StartsWith("52", StringComparison.Ordinal) ? "521" + digits[2..] : digits;
    }

    /// <summary>Whether <paramref name="to"/> is a plausible phone number: digits with optional '+', spaces, dashes, dots, parentheses.</summary>
    public static bool IsValid(string to)
    {
        var digits = 0;
        foreach (var c in to)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not ('+' or ' ' or '-' or '.' or '(' or ')'))
            {
                return false;
            }
        }
        return digits is >= 7 and <= 15;
    }

    /// <summary>+1 with an area code that is not Canadian or Caribbean.</summary>
    public static bool IsUsNumber(string waId) =>
        waId.Length == 11 && waId[0] == '1' && !NonUsNanpAreaCodes.Contains(waId.Substring(1, 3));

    /// <summary>Masked form for logs: only the last two digits stay.</summary>
    public static string Mask(string phone)
    {
        var waId = ToWaId(phone);
        return waId.Length <= 2 ? "**" : new string('*', waId.Length - 2) + waId[^2..];
    }
}
