using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace WhatsAppCampaigns.Core.Consent;

/// <summary>
/// The one-way key of an erased number's suppression entry: HMAC-SHA256 of the E.164, keyed by a secret.
/// A plain SHA-256 would not do: there are few enough phone numbers that anyone reading the table could hash
/// them all and recover the erased ones; without the key they cannot.
/// </summary>
public sealed class SuppressionHasher
{
    // Used only when no key is configured (local runs and tests); production sets Consent:SuppressionHashKey.
    private const string FallbackKey = "whatsapp-campaigns-suppression-v1";

    private readonly byte[] _key;

    public SuppressionHasher(IOptions<ConsentOptions> options)
    {
        var configured = options.Value.SuppressionHashKey;
        _key = Encoding.UTF8.GetBytes(string.IsNullOrEmpty(configured) ? FallbackKey : configured);
        IsKeyConfigured = !string.IsNullOrEmpty(configured);
    }

    public bool IsKeyConfigured { get; }

    public string Hash(string e164) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(e164)));
}
