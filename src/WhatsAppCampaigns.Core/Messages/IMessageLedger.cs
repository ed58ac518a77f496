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
    /// Moves a message the product sent forward. Counts the transition in the funnel exactly once: returns false,
    /// changing nothing, for a duplicate, a move backwards, or a message never claimed here (a status whose callback data
    /// names a campaign but no message the product sent counts nowhere).
    /// </summary>
    Task<bool> AdvanceAsync(MessageKey key, MessageTransition transition, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives a claim back (the send was deferred before Graph was called). Only the claim's owner can. With
    /// <paramref name="waiting"/>, the message counts as waiting for that reason until it is claimed again.
    /// </summary>
    Task<bool> ReleaseAsync(MessageKey key, string claimToken, DateTimeOffset now, Waiting? waiting = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that a paused campaign's message waits in the queue as <paramref name="copy"/> (hidden until
    /// <paramref name="until"/>), so a resume can make it visible at once. Nothing is held for a message that is finished
    /// or being sent.
    /// </summary>
    Task<HoldOutcome> HoldAsync(MessageKey key, QueuedSend copy, DateTimeOffset until, string? variant, CancellationToken cancellationToken = default);

    /// <summary>Hands every held message of the campaign to <paramref name="release"/> and forgets it; returns how many.</summary>
    Task<int> ReleaseHeldAsync(string campaignId, Func<QueuedSend, CancellationToken, Task> release, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records how many messages the fan-out enqueued per shard (<see cref="MessageShards"/>), once it has finished, so the
    /// ledger can tell when every one of them is done. True when all are done already.
    /// </summary>
    Task<bool> SetTargetsAsync(string campaignId, IReadOnlyList<long> enqueuedByShard, CancellationToken cancellationToken = default);

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

/// <summary>Why a message waits, and until when: a deferral the campaign view reports as pending work.</summary>
/// <param name="Reason">A sender's deferral reason (<c>messaging_limit</c>, <c>quiet_hours</c>, <c>frequency_cap</c>, <c>paused</c>, <c>graph_130429</c>, …).</param>
public sealed record Waiting(string Reason, DateTimeOffset Until);

/// <summary>A message on the send queue: what it takes to make it visible again early.</summary>
public sealed record QueuedSend(string MessageId, string PopReceipt);

public enum HoldOutcome
{
    Held,

    /// <summary>Already sent, failed or skipped: the delivery is a duplicate and can be dropped.</summary>
    Finished,

    /// <summary>Another sender holds a claim on it right now.</summary>
    Busy,
}
