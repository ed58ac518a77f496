using WhatsAppCampaigns.Core.Account;

namespace WhatsAppCampaigns.IntegrationTests.Campaigns.TestDoubles;

public sealed class InMemoryAccountSignals : IAccountSignals
{
    public MessagingLimit Limit { get; set; } = new(1_000, "test", DateTimeOffset.UnixEpoch);

    public int MessagesPerSecond { get; set; } = 80;

    public Task<MessagingLimit> GetMessagingLimitAsync(CancellationToken cancellationToken = default) => Task.FromResult(Limit);

    public Task SetMessagingLimitAsync(MessagingLimit limit, CancellationToken cancellationToken = default)
    {
        Limit = limit;
        return Task.CompletedTask;
    }

    public Task<PhoneNumberProfile> GetPhoneNumberAsync(string phoneNumberId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new PhoneNumberProfile(phoneNumberId, MessagesPerSecond, "GREEN", false, DateTimeOffset.UnixEpoch));

    public Task SetPhoneNumberAsync(PhoneNumberProfile profile, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<SendingHalt?> GetSendingHaltAsync(CancellationToken cancellationToken = default) => Task.FromResult<SendingHalt?>(null);

    public Task SetSendingHaltAsync(SendingHalt? halt, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
