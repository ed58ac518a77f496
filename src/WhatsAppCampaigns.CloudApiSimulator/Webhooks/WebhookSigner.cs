using System.Security.Cryptography;
using System.Text;

namespace WhatsAppCampaigns.CloudApiSimulator.Webhooks;

/// <summary>Meta's webhook signature: <c>X-Hub-Signature-256: sha256=&lt;lowercase hex HMAC-SHA256(raw body, app secret)&gt;</c>.</summary>
public static class WebhookSigner
{
    /// <summary>Name of the signature header.</summary>
    public const string HeaderName = "X-Hub-Signature-256";

    /// <summary>The header value for these exact body bytes.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string appSecret)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body);
        return "sha256=" + Convert.ToHexStringLower(hash);
    }

    /// <summary>Constant-time check of a received header value, for receivers in tests.</summary>
    public static bool IsValid(ReadOnlySpan<byte> body, string appSecret, string? headerValue) =>
        headerValue is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body, appSecret)), Encoding.ASCII.GetBytes(headerValue));
}
