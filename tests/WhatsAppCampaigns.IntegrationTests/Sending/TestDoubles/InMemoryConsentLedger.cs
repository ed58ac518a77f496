using System.Collections.Concurrent;
using WhatsAppCampaigns.Core.Consent;

namespace WhatsAppCampaigns.IntegrationTests.Sending.TestDoubles;

/// <summary>Current consent per (phone, scope) in memory; <see cref="RecordAsync"/> returning is the acknowledgement.</summary>
public sealed class InMemoryConsentLedger : IConsentLedger
{
    private readonly ConcurrentDictionary<(string Phone, ConsentScope Scope), ConsentState> _states = new();

    public Task<ConsentState> GetAsync(string phone, ConsentScope scope, CancellationToken cancellationToken = default) =>
        Task.FromResult(_states.GetValueOrDefault((phone, scope)) ?? new ConsentState(scope, null, null, null));

    public Task RecordAsync(string phone, ConsentChange change, CancellationToken cancellationToken = default)
    {
        _states[(phone, change.Scope)] = new ConsentState(change.Scope, change.Status, change.At, change.Source);
        return Task.CompletedTask;
    }

    public void OptIn(string phone, DateTimeOffset at, params ConsentScope[] scopes)
    {
        foreach (var scope in scopes.Length == 0 ? [ConsentScope.Marketing, ConsentScope.Utility] : scopes)
        {
            _states[(phone, scope)] = new ConsentState(scope, ConsentStatus.OptedIn, at, "test");
        }
    }

    public bool IsOptedOut(string phone, ConsentScope scope) => _states.GetValueOrDefault((phone, scope))?.Status == ConsentStatus.OptedOut;
}
