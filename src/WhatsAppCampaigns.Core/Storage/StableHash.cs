using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace WhatsAppCampaigns.Core.Storage;

/// <summary>
/// The one stable hash: the first 8 bytes (little-endian) of the SHA-256 of the text's UTF-8. The same value in every
/// process and version, unlike <see cref="string.GetHashCode()"/>, so it can pick something that must be found again
/// later: a partition shard, a recipient's variant and test bucket, a sending number. Variant buckets have always used
/// this function of <c>{campaignId}|{phone}</c>, so running tests keep their buckets.
/// </summary>
public static class StableHash
{
    public static ulong Of(string value)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }

    /// <summary>The hash of <c>{scope}|{value}</c>, e.g. a recipient within a campaign.</summary>
    public static ulong Of(string scope, string value) => Of($"{scope}|{value}");

    /// <summary>Which of <paramref name="count"/> shards <paramref name="value"/> falls in.</summary>
    public static int Shard(string value, int count) => (int)(Of(value) % (ulong)count);

    /// <summary>What <see cref="ShardKey"/> appends to its prefix, for key-length checks.</summary>
    public const int ShardSuffixChars = 3;

    /// <summary>The one way shards appear in keys: <c>{prefix}|{shard:D2}</c>.</summary>
    public static string ShardKey(string prefix, int shard) => $"{prefix}|{shard:D2}";
}
