namespace WhatsAppCampaigns.Core.Account;

/// <summary>
/// The account's limits and health as Meta last reported them (webhooks, Graph reads) or as configured.
/// Webhook processing writes; senders and forecasts read.
/// </summary>
public interface IAccountSignals
{
    Task<MessagingLimit> GetMessagingLimitAsync(CancellationToken cancellationToken = default);

    Task SetMessagingLimitAsync(MessagingLimit limit, CancellationToken cancellationToken = default);

    Task<PhoneNumberProfile> GetPhoneNumberAsync(string phoneNumberId, CancellationToken cancellationToken = default);

    Task SetPhoneNumberAsync(PhoneNumberProfile profile, CancellationToken cancellationToken = default);

    /// <summary>Set when Graph reports an auth or account problem: all sending stops until a person clears it.</summary>
    Task<SendingHalt?> GetSendingHaltAsync(CancellationToken cancellationToken = default);

    Task SetSendingHaltAsync(SendingHalt? halt, CancellationToken cancellationToken = default);
}

public sealed record SendingHalt(int ErrorCode, string Reason, DateTimeOffset Since);
