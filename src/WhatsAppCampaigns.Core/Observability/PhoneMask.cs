using System.Security.Cryptography;
using System.Text;

namespace WhatsAppCampaigns.Core.Observability;

/// <summary>Phone numbers never reach logs in clear text: they are masked to country prefix and last digits.</summary>
public static class PhoneMask
{
    public static string Mask(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "(none)";
        }

        var digits = phone.TrimStart('+');
        if (digits.Length <= 6)
        {
            return "***";
        }

        return $"+{digits[..2]}***{digits[^2..]}";
    }

    /// <summary>A short stable hash, to correlate log lines about one number without revealing it.</summary>
    public static string Fingerprint(string phone) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(phone)))[..12];
}
