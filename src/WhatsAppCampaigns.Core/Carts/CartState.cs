namespace WhatsAppCampaigns.Core.Carts;

public enum CartStatus
{
    Open,
    Purchased,
    Deleted,

    /// <summary>The sequence stopped for the customer's sake: opted out, replied, or ran out of steps.</summary>
    Stopped,
}

/// <summary>A cart as the reminder sequence sees it.</summary>
/// <param name="Sequence">Grows on every update that restarts the clock; it is part of each reminder's message key, so a restarted sequence sends afresh while retries of the same step never do.</param>
/// <param name="NextStep">Index of the next reminder step (0-based).</param>
/// <param name="NextDueAt">When that step is due; null when nothing is due.</param>
public sealed record CartState(
    string CartId,
    string Phone,
    string? CustomerName,
    IReadOnlyList<CartItem> Items,
    string Currency,
    decimal Total,
    string? RecoveryUrl,
    string? Language,
    DateTimeOffset UpdatedAt,
    int Sequence,
    int NextStep,
    DateTimeOffset? NextDueAt,
    CartStatus Status,
    string? StopReason = null,
    string? OrderId = null,
    decimal? Amount = null,
    DateTimeOffset? PurchasedAt = null,
    int? AttributedStep = null)
{
    /// <summary>The message key campaign part of reminder <paramref name="step"/>: <c>cart:{cartId}:{sequence}:{step}</c>.</summary>
    public string ReminderId(int step) => $"cart:{CartId}:{Sequence}:{step}";

    public static bool TryParseReminderId(string campaignId, out string cartId, out int sequence, out int step)
    {
        (cartId, sequence, step) = ("", 0, 0);
        var parts = campaignId.Split(':');
        return parts.Length >= 4 && parts[0] == "cart"
            && int.TryParse(parts[^2], out sequence) && int.TryParse(parts[^1], out step)
            && (cartId = string.Join(':', parts[1..^2])).Length > 0;
    }
}
