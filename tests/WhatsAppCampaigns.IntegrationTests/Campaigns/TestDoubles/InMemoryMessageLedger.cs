using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.IntegrationTests.Campaigns.TestDoubles;

/// <summary>Only the funnel, with counters the test sets; the fan-out never writes the message ledger.</summary>
public sealed class InMemoryMessageLedger : IMessageLedger
{
    public Dictionary<string, long> Counters { get; } = [];

    public Task<CampaignFunnel> GetFunnelAsync(string campaignId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new CampaignFunnel(campaignId, new Dictionary<string, long>(Counters)));

    public Task<MessageRecord?> GetAsync(MessageKey key, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ClaimResult> TryClaimAsync(MessageKey key, string claimToken, DateTimeOffset now, TimeSpan staleAfter, string? variant = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<bool> AdvanceAsync(MessageKey key, MessageTransition transition, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> ReleaseAsync(MessageKey key, string claimToken, DateTimeOffset now, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
