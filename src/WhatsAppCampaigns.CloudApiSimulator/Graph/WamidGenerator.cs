using System.Buffers.Binary;

namespace WhatsAppCampaigns.CloudApiSimulator.Graph;

/// <summary>
/// Message ids shaped like Meta's: <c>wamid.</c> + standard base64, so with <c>+</c>, <c>/</c> and <c>=</c> padding as
/// Meta's have (a receiver must not use one raw as a Table key or in a URL). Unique across runs by a per-process prefix.
/// Unlike Meta's they do not embed the recipient, so logging a wamid never leaks a phone number.
/// </summary>
internal static class WamidGenerator
{
    // 11 + 8 bytes: not a multiple of 3, so every id ends in '=' like Meta's; the fixed first bytes give '+' and '/'.
    private static readonly byte[] RunPrefix = [0xfb, 0xef, 0xff, .. Guid.NewGuid().ToByteArray()[..8]];

    public static string Create(long sequence)
    {
        var bytes = new byte[RunPrefix.Length + sizeof(long)];
        RunPrefix.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(RunPrefix.Length), sequence);
        return "wamid." + Convert.ToBase64String(bytes);
    }
}
