namespace WhatsAppCampaigns.Core.Audiences;

/// <summary>How tags become partition keys of the <c>TagIndex</c> table.</summary>
public static class TagKeys
{
    /// <summary>Every contact also has a row here, so a segment without positive tags reads one partition, never the contacts table.</summary>
    public const string AllContactsPartition = "~all";

    /// <summary>Lowercase, trimmed; characters Azure Tables forbids in keys become <c>_</c>.</summary>
    public static string Normalize(string tag)
    {
        var chars = tag.Trim().ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '/' or '\\' or '#' or '?' || char.IsControl(chars[i]))
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }
}
