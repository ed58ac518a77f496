using System.Buffers.Binary;

namespace WhatsAppCampaigns.CloudApiSimulator.Graph;

/// <summary>
/// Message ids shaped like Meta's (<c>wamid.</c> + base64url), unique across runs by a per-process prefix.
/// Unlike Meta's they do not embed the recipient, so logging a wamid never leaks a phone number.
/// </summary>
internal static class WamidGenerator
{
    private static readonly byte[] RunPrefix = Guid.NewGuid().ToByteArray()[..10];

    public static string Create(long sequence)
    {
        var bytes = new byte[RunPrefix.Length + sizeof(long)];
        RunPrefix.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(RunPrefix.Length), sequence);
        return "wamid.HBgL" + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
