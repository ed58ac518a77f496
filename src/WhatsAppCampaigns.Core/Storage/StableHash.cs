namespace WhatsAppCampaigns.Core.Storage;

/// <summary>
/// FNV-1a over the string's UTF-16 code units: the same value in every process and version, unlike
/// <see cref="string.GetHashCode()"/>, so it can choose a partition shard that must be found again later.
/// </summary>
public static class StableHash
{
    /// <returns>A non-negative hash.</returns>
    public static int Of(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
