using System.Collections.Concurrent;
using WhatsAppCampaigns.Core.Conversations;

namespace WhatsAppCampaigns.IntegrationTests.Sending.TestDoubles;

public sealed class InMemoryCustomerServiceWindows : ICustomerServiceWindows
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _last = new();

    public Task RecordInboundAsync(string phone, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        _last[phone] = at;
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> LastInboundAsync(string phone, CancellationToken cancellationToken = default) =>
        Task.FromResult(_last.TryGetValue(phone, out var at) ? at : (DateTimeOffset?)null);
}
