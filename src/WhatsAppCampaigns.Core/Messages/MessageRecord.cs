namespace WhatsAppCampaigns.Core.Messages;

/// <summary>The unit of exactly-once: one message per (campaign, recipient).</summary>
/// <param name="CampaignId">A campaign id, or a journey step's id (<see cref="JourneyStep"/>).</param>
/// <param name="Recipient">E.164.</param>
public readonly record struct MessageKey(string CampaignId, string Recipient)
{
    /// <summary>The value sent as <c>biz_opaque_callback_data</c>, so status webhooks find the message without a look-up table.</summary>
    public string ToCallbackData() => $"{CampaignId}|{Recipient}";

    public static bool TryParseCallbackData(string? value, out MessageKey key)
    {
        key = default;
        var separator = value?.LastIndexOf('|') ?? -1;
        if (separator <= 0 || separator == value!.Length - 1)
        {
            return false;
        }

        key = new MessageKey(value[..separator], value[(separator + 1)..]);
        return true;
    }
}

public sealed record MessageRecord(
    MessageKey Key,
    MessageState State,
    string? Variant,
    string? WamId,
    string? PhoneNumberId,
    string? ClaimToken,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset UpdatedAt,
    int? ErrorCode,
    string? Reason,
    string? PricingCategory);

/// <summary>A requested move of a message to <paramref name="To"/>; fields that are null leave the record's value.</summary>
/// <param name="Reason">For <see cref="MessageState.Skipped"/> and <see cref="MessageState.Failed"/>: a short snake_case word (<c>no_consent</c>, <c>opted_out</c>, <c>graph_131026</c>).</param>
public sealed record MessageTransition(
    MessageState To,
    DateTimeOffset At,
    string? WamId = null,
    string? PhoneNumberId = null,
    int? ErrorCode = null,
    string? Reason = null,
    string? PricingCategory = null,
    string? Variant = null);
