using System.Collections.Concurrent;
using WhatsAppCampaigns.Core.Account;

namespace WhatsAppCampaigns.IntegrationTests.Sending.TestDoubles;

public sealed class InMemoryAccountSignals(int? limit = 250, int messagesPerSecond = 80) : IAccountSignals
{
    private readonly ConcurrentDictionary<string, PhoneNumberProfile> _numbers = new();
    private MessagingLimit _limit = new(limit, "test", DateTimeOffset.UnixEpoch);
    private SendingHalt? _halt;

    public Task<MessagingLimit> GetMessagingLimitAsync(CancellationToken cancellationToken = default) => Task.FromResult(_limit);

    public Task SetMessagingLimitAsync(MessagingLimit limit, CancellationToken cancellationToken = default)
    {
        _limit = limit;
        return Task.CompletedTask;
    }

    public Task<PhoneNumberProfile> GetPhoneNumberAsync(string phoneNumberId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_numbers.GetValueOrDefault(phoneNumberId) ?? new PhoneNumberProfile(phoneNumberId, messagesPerSecond, "GREEN", false, DateTimeOffset.UnixEpoch));

    public Task SetPhoneNumberAsync(PhoneNumberProfile profile, CancellationToken cancellationToken = default)
    {
        _numbers[profile.PhoneNumberId] = profile;
        return Task.CompletedTask;
    }

    public Task<SendingHalt?> GetSendingHaltAsync(CancellationToken cancellationToken = default) => Task.FromResult(_halt);

    public Task SetSendingHaltAsync(SendingHalt? halt, CancellationToken cancellationToken = default)
    {
        _halt = halt;
        return Task.CompletedTask;
    }
}
