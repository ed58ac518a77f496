namespace WhatsAppCampaigns.Core.Sending.Quota;

/// <summary>The answer to "may one more unique recipient be messaged now?".</summary>
/// <param name="Bucket">The bucket the slot was taken in (when granted).</param>
/// <param name="RetryAt">When denied: the earliest time worth trying again.</param>
public sealed record QuotaGrant(bool Granted, long Bucket, DateTimeOffset? RetryAt)
{
    public static QuotaGrant Slot(long bucket) => new(true, bucket, null);

    public static QuotaGrant Denied(DateTimeOffset retryAt) => new(false, 0, retryAt);
}
