namespace WhatsAppCampaigns.Core.Messages;

/// <summary>
/// A message's life. States only move forward (by rank); <see cref="Failed"/> and <see cref="Skipped"/> are terminal,
/// <see cref="Read"/> is the end of the happy path. <see cref="Pending"/> is the only state a claim may be released to.
/// </summary>
public enum MessageState
{
    /// <summary>Known but not being sent (created by fan-out, or released after a deferral).</summary>
    Pending = 0,

    /// <summary>A sender owns it and may be calling Graph right now.</summary>
    Claimed = 1,

    /// <summary>Graph answered 200 with a wamid.</summary>
    Accepted = 2,

    Sent = 3,
    Delivered = 4,
    Read = 5,

    /// <summary>Graph refused it permanently, or a <c>failed</c> status arrived.</summary>
    Failed = 10,

    /// <summary>Never sent, by policy (no consent, opted out, undeliverable, campaign cancelled).</summary>
    Skipped = 11,
}

public static class MessageStateRules
{
    public static bool IsTerminal(this MessageState state) => state is MessageState.Failed or MessageState.Skipped or MessageState.Read;

    /// <summary>Whether the product has handed the message to Graph (a claim may have, so it is not "sent" yet).</summary>
    public static bool IsAccepted(this MessageState state) => state is >= MessageState.Accepted and <= MessageState.Read;

    /// <summary>
    /// The forward-only rule, whatever order webhooks arrive in: sent → delivered → read; a late <c>sent</c> after
    /// <c>read</c> changes nothing; <c>failed</c> ends a message that was not yet delivered.
    /// </summary>
    public static bool CanMoveTo(this MessageState from, MessageState to) => (from, to) switch
    {
        _ when from.IsTerminal() => false,
        (_, MessageState.Pending) => from == MessageState.Claimed,
        (_, MessageState.Failed) => from < MessageState.Delivered,
        (_, MessageState.Skipped) => from <= MessageState.Claimed,
        _ => to > from,
    };
}
