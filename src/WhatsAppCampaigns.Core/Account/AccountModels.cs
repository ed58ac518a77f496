namespace WhatsAppCampaigns.Core.Account;

/// <summary>The portfolio's daily messaging limit: unique recipients in a moving 24 h; null = unlimited.</summary>
public sealed record MessagingLimit(int? UniqueRecipientsPer24h, string Source, DateTimeOffset UpdatedAt)
{
    public static readonly IReadOnlyList<int?> Tiers = [250, 2_000, 10_000, 100_000, null];

    /// <summary>Parses Graph's tier names (<c>TIER_250</c>, <c>TIER_2K</c>, <c>TIER_UNLIMITED</c>) and the webhook's numbers (-1 = unlimited).</summary>
    public static bool TryParse(string? value, out int? limit)
    {
        limit = null;
        var text = value?.Trim().ToUpperInvariant().Replace("TIER_", "", StringComparison.Ordinal);
        switch (text)
        {
            case null or "" or "NOT_SET":
                return false;
            case "UNLIMITED" or "-1":
                return true;
        }

        var multiplier = text.EndsWith('K') ? 1_000 : 1;
        if (int.TryParse(text.TrimEnd('K'), out var number) && number > 0)
        {
            limit = number * multiplier;
            return true;
        }

        return false;
    }
}

/// <summary>What the senders must respect for one phone number.</summary>
/// <param name="MessagesPerSecond">80 by default, 1,000 after Meta's upgrade.</param>
/// <param name="Quality"><c>GREEN</c>, <c>YELLOW</c>, <c>RED</c> or <c>UNKNOWN</c>.</param>
/// <param name="MarketingPaused">Set when quality or account status says marketing must stop.</param>
public sealed record PhoneNumberProfile(string PhoneNumberId, int MessagesPerSecond, string Quality, bool MarketingPaused, DateTimeOffset UpdatedAt);
