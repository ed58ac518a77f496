using System.Collections.Concurrent;
using WhatsAppCampaigns.Core.Consent;

namespace WhatsAppCampaigns.IntegrationTests.Campaigns.TestDoubles;

/// <summary>
/// Consent by phone and scope, latest change wins. Only the fan-out volume, retry and variant-flow tests use it: seeding and reading
/// thousands of consents through the real ledger on Azurite would make them about consent storage, which has its own tests.
/// </summary>
public sealed class InMemoryConsentLedger : IConsentLedger
{
    private readonly ConcurrentDictionary<(string, ConsentScope), ConsentChange> _current = new();

    public Task<ConsentState> GetAsync(string phone, ConsentScope scope, CancellationToken cancellationToken = default) =>
        Task.FromResult(_current.TryGetValue((phone, scope), out var c)
            ? new ConsentState(scope, c.Status, c.At, c.Source)
            : new ConsentState(scope, null, null, null));

    public Task RecordAsync(string phone, ConsentChange change, CancellationToken cancellationToken = default)
    {
        _current[(phone, change.Scope)] = change;
        return Task.CompletedTask;
    }

    public void OptIn(string phone, ConsentScope scope) =>
        _current[(phone, scope)] = new ConsentChange(scope, ConsentStatus.OptedIn, "test", DateTimeOffset.UnixEpoch);

    public void OptOut(string phone, ConsentScope scope) =>
        _current[(phone, scope)] = new ConsentChange(scope, ConsentStatus.OptedOut, "test", DateTimeOffset.UnixEpoch.AddDays(1));
}
