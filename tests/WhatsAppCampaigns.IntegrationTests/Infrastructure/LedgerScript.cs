using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.IntegrationTests.Infrastructure;

/// <summary>Tests that script a sender's records: a sender claims a message before anything else is recorded for it.</summary>
public static class LedgerScript
{
    /// <summary>
    /// Claims the message (as a sender would before calling Graph; a message claimed or finished already stays as it is),
    /// then advances it.
    /// </summary>
    public static async Task<bool> AdvanceSentAsync(this IMessageLedger ledger, MessageKey key, MessageTransition transition, CancellationToken ct = default)
    {
        await ledger.TryClaimAsync(key, "scripted-sender", transition.At, TimeSpan.FromDays(365), transition.Variant, ct);
        return await ledger.AdvanceAsync(key, transition, ct);
    }
}
