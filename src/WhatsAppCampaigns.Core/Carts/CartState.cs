using WhatsAppCampaigns.Core.Journeys;

namespace WhatsAppCampaigns.Core.Carts;

public enum CartStatus
{
    Open,
    Purchased,
    Deleted,

    /// <summary>The sequence stopped for the customer's sake: opted out, replied, or ran out of steps.</summary>
    Stopped,
}

/// <summary>A cart as the reminder journey sees it.</summary>
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
    int? AttributedStep = null,
    int Reminded = 0) : IJourneySubject
{
    public string Subject => CartId;

    public bool IsActive => Status == CartStatus.Open;
}
