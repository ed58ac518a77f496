namespace WhatsAppCampaigns.Core.Messages;

/// <summary>
/// Every message the product sends, and each campaign's funnel. Both the senders (claims, Graph's answers) and the
/// status webhooks (sent, delivered, read, failed) write here; the forward-only rule and exactly-once counting
/// are enforced by this one class, whatever order or how often they call.
/// </summary>
public interface IMessageLedger
{
    Task<MessageRecord?> GetAsync(MessageKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the message for one send attempt before Graph is called. A claim older than
    /// <paramref name="staleAfter"/> is taken over (its sender is presumed dead) and reported as such.
    /// </summary>
    Task<ClaimResult> TryClaimAsync(MessageKey key, string claimToken, DateTimeOffset now, TimeSpan staleAfter, string? variant = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the message forward (creating it if unknown, e.g. a status webhook that outran the sender's record).
    /// Counts the transition in the funnel exactly once: returns false, changing nothing, for a duplicate or a move backwards.
    /// </summary>
    Task<bool> AdvanceAsync(MessageKey key, MessageTransition transition, CancellationToken cancellationToken = default);

    /// <summary>Gives a claim back (the send was deferred before Graph was called). Only the claim's owner can.</summary>
    Task<bool> ReleaseAsync(MessageKey key, string claimToken, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<CampaignFunnel> GetFunnelAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>The message most recently delivered to <paramref name="recipient"/> in the <paramref name="window"/> before <paramref name="at"/>: the last touch an order is attributed to.</summary>
    Task<MessageDelivery?> FindLastDeliveredAsync(string recipient, DateTimeOffset at, TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>Counts an order as a conversion of the message (counters <c>converted</c> and <c>revenue_{currency}</c> in minor units), once per order id.</summary>
    Task<bool> RecordConversionAsync(MessageKey key, Conversion conversion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts the recipient's opt-out at <paramref name="at"/> against the delivered message <paramref name="key"/>
    /// (counter <c>opted_out_after</c>, and per variant): once per message, that is per (campaign, recipient), however
    /// often or by however many ways the person opts out. False, changing nothing, when counted before or when the
    /// message was never delivered.
    /// </summary>
    Task<bool> RecordOptOutAfterAsync(MessageKey key, DateTimeOffset at, CancellationToken cancellationToken = default);
}

public sealed record MessageDelivery(MessageKey Key, DateTimeOffset DeliveredAt, string? Variant);

/// <param name="AmountMinor">Order amount in the currency's minor unit (cents).</param>
public sealed record Conversion(string OrderId, long AmountMinor, string Currency, DateTimeOffset At);

public enum ClaimOutcome
{
    /// <summary>This caller owns the message now and may call Graph.</summary>
    Claimed,

    /// <summary>Taken over from a claim older than the stale limit: Graph may already have it (check before calling).</summary>
    TakenOver,

    /// <summary>Another sender holds a fresh claim: do nothing now.</summary>
    Busy,

    /// <summary>Already accepted, delivered, failed or skipped: do nothing, ever.</summary>
    Finished,
}

public sealed record ClaimResult(ClaimOutcome Outcome, MessageRecord Record);
