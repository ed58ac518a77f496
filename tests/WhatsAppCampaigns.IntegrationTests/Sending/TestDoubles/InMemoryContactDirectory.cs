using System.Collections.Concurrent;
using WhatsAppCampaigns.Core.Contacts;

namespace WhatsAppCampaigns.IntegrationTests.Sending.TestDoubles;

public sealed class InMemoryContactDirectory : IContactDirectory
{
    private readonly ConcurrentDictionary<string, Contact> _contacts = new();

    public Task<Contact?> FindAsync(string phone, CancellationToken cancellationToken = default) =>
        Task.FromResult(_contacts.GetValueOrDefault(phone));

    public Task MarkUndeliverableAsync(string phone, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        _contacts.AddOrUpdate(phone, p => Contact(p, null, at) with { Undeliverable = true }, (_, c) => c with { Undeliverable = true, UpdatedAt = at });
        return Task.CompletedTask;
    }

    public void Add(string phone, string? timeZone = null, string country = "") => _contacts[phone] = Contact(phone, timeZone, DateTimeOffset.UnixEpoch, country);

    private static Contact Contact(string phone, string? timeZone, DateTimeOffset at, string country = "") =>
        new(phone, country, timeZone, null, [], new Dictionary<string, string>(), at);
}
