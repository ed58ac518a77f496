using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Sending.Policy;

/// <summary>Which of the portfolio's numbers talks to a recipient: the one it used before, else a stable hash pick.</summary>
public static class PhoneNumberPool
{
    public static string Choose(string recipient, string? requested, string? previous, IReadOnlyList<string> pool)
    {
        if (!string.IsNullOrEmpty(requested))
        {
            return requested;
        }

        if (previous is not null && pool.Contains(previous))
        {
            return previous;
        }

        if (pool.Count == 0)
        {
            throw new InvalidOperationException("No phone number to send from: set WhatsApp:PhoneNumberIds.");
        }

        return pool[StableHash.Shard(recipient, pool.Count)];
    }
}
