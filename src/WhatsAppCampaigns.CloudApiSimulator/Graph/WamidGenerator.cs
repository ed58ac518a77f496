using System.Buffers.Binary;
using System.Text;

namespace WhatsAppCampaigns.CloudApiSimulator.Graph;

/// <summary>Message ids shaped like Meta's (<c>wamid.</c> + base64url), unique across runs by a per-process prefix.</summary>
internal static class WamidGenerator
{
    private static readonly byte[] RunPrefix = Guid.NewGuid().ToByteArray()[..6];

    public static string Create(long sequence, string waId)
    {
        var waIdBytes = Encoding.ASCII.GetBytes(waId);
        var bytes = new byte[RunPrefix.Length + sizeof(long) + waIdBytes.Length];
        RunPrefix.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(RunPrefix.Length), sequence);
        waIdBytes.CopyTo(bytes, RunPrefix.Length + sizeof(long));
        return "wamid.HBgL" + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
