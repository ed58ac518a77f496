namespace WhatsAppCampaigns.Core.Storage;

/// <summary>
/// Azure Table's limits, in one place: every API edge, webhook handler and store checks identifiers and sizes here.
/// A value that breaks them makes storage answer 400 (or, for a key too long for a URL, drop the connection, which looks
/// transient), so it must be refused before it reaches a table.
/// </summary>
public static class TableLimits
{
    /// <summary>A PartitionKey or RowKey is at most 1 KiB; strings are UTF-16, so 512 characters.</summary>
    public const int MaxKeyChars = 512;

    /// <summary>A string property is at most 64 KiB of UTF-16: 32 K characters.</summary>
    public const int MaxPropertyChars = 32 * 1024;

    /// <summary>An entity is at most 1 MiB, keys and every property together.</summary>
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>
    /// A value usable as (part of) a key: 1–<see cref="MaxKeyChars"/> minus <paramref name="reserve"/> characters
    /// (what the store appends, e.g. a shard suffix), none of them <c>/ \ # ?</c> or a control character.
    /// </summary>
    public static bool IsValidKey(string? value, int reserve = 0) =>
        value is { Length: > 0 } && value.Length <= MaxKeyChars - reserve && !value.Any(IsForbiddenInKey);

    public static bool IsForbiddenInKey(char c) => c is '/' or '\\' or '#' or '?' || char.IsControl(c);

    /// <summary>Fits one string property (null fits).</summary>
    public static bool FitsProperty(string? value, int maxChars = MaxPropertyChars) => value is null || value.Length <= maxChars;

    /// <summary>The first <paramref name="maxChars"/> characters, never splitting a surrogate pair.</summary>
    public static string? Truncate(string? value, int maxChars)
    {
        if (value is null || value.Length <= maxChars)
        {
            return value;
        }

        var end = char.IsHighSurrogate(value[maxChars - 1]) ? maxChars - 1 : maxChars;
        return value[..end];
    }
}
