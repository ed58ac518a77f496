using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Messages;

/// <summary>
/// Table layout of the message ledger. A campaign's messages are spread over <see cref="ShardCount"/> partitions
/// (<c>{campaignId}|{shard}</c>) so one campaign never exceeds a partition's ~2,000 entities/s; each partition holds
/// its own funnel counter row, updated in the same entity-group transaction as the message row it counts.
/// </summary>
internal static class MessageEntity
{
    public const string TableName = "Messages";
    public const int ShardCount = 16;

    /// <summary>Sorts before every E.164 row key, so a partition's counters are easy to find by eye.</summary>
    public const string CounterRowKey = "!funnel";

    /// <summary>A pending message's deferral reason and when it is due again (see <see cref="Messages.Waiting"/>).</summary>
    public const string WaitingProperty = "Waiting";

    public const string NextAttemptProperty = "NextAttemptAt";

    /// <summary>Rows <c>~held|{recipient}</c>: a paused campaign's message waiting in the queue, and how to wake it.</summary>
    public const string HeldPrefix = "~held|";

    public const string HeldEnd = "~held}";

    public static string PartitionKey(string campaignId, string recipient) => StableHash.ShardKey(campaignId, Shard(recipient));

    public static string PartitionKey(string campaignId, int shard) => StableHash.ShardKey(campaignId, shard);

    public static IEnumerable<string> PartitionKeys(string campaignId) =>
        Enumerable.Range(0, ShardCount).Select(shard => StableHash.ShardKey(campaignId, shard));

    public static int Shard(string recipient) => StableHash.Shard(recipient, ShardCount);

    public static MessageRecord ToRecord(MessageKey key, TableEntity entity) => new(
        key,
        (MessageState)entity.GetInt32(nameof(MessageRecord.State)).GetValueOrDefault(),
        entity.GetString(nameof(MessageRecord.Variant)),
        entity.GetString(nameof(MessageRecord.WamId)),
        entity.GetString(nameof(MessageRecord.PhoneNumberId)),
        entity.GetString(nameof(MessageRecord.ClaimToken)),
        entity.GetDateTimeOffset(nameof(MessageRecord.ClaimedAt)),
        entity.GetDateTimeOffset(nameof(MessageRecord.AcceptedAt)),
        entity.GetDateTimeOffset(nameof(MessageRecord.UpdatedAt)) ?? DateTimeOffset.MinValue,
        entity.GetInt32(nameof(MessageRecord.ErrorCode)),
        entity.GetString(nameof(MessageRecord.Reason)),
        entity.GetString(nameof(MessageRecord.PricingCategory)));

    public static void Apply(TableEntity entity, MessageTransition transition)
    {
        entity[nameof(MessageRecord.State)] = (int)transition.To;
        entity[nameof(MessageRecord.UpdatedAt)] = transition.At;
        SetIfGiven(entity, nameof(MessageRecord.WamId), transition.WamId);
        SetIfGiven(entity, nameof(MessageRecord.PhoneNumberId), transition.PhoneNumberId);
        SetIfGiven(entity, nameof(MessageRecord.ErrorCode), transition.ErrorCode);
        SetIfGiven(entity, nameof(MessageRecord.Reason), transition.Reason);
        SetIfGiven(entity, nameof(MessageRecord.PricingCategory), transition.PricingCategory);
        SetIfGiven(entity, nameof(MessageRecord.Variant), transition.Variant);
        if (transition.To == MessageState.Accepted || (transition.To.IsAccepted() && !entity.ContainsKey(nameof(MessageRecord.AcceptedAt))))
        {
            entity[nameof(MessageRecord.AcceptedAt)] = transition.At;
        }
    }

    private static void SetIfGiven(TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }
}
