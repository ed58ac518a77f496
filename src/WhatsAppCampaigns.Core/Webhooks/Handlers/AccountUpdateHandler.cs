using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Account;
using WhatsAppCampaigns.Core.Configuration;

namespace WhatsAppCampaigns.Core.Webhooks.Handlers;

/// <summary>
/// <c>business_capability_update</c> and <c>phone_number_quality_update</c>: the portfolio's messaging limit and a
/// number's throughput, as the senders must respect them. A signal older than the one recorded is ignored.
/// </summary>
internal sealed partial class AccountUpdateHandler(
    IAccountSignals signals,
    IOptions<AccountOptions> account,
    IOptions<WhatsAppOptions> whatsApp,
    ILogger<AccountUpdateHandler> logger) : IWebhookChangeHandler
{
    public const string CapabilityField = "business_capability_update";
    public const string PhoneQualityField = "phone_number_quality_update";

    public bool Handles(string field) => field is CapabilityField or PhoneQualityField;

    public async Task HandleAsync(WebhookChangeContext change, CancellationToken cancellationToken)
    {
        var value = change.Value.Deserialize<AccountUpdateValue>(WebhookJson.Options);
        if (value is null)
        {
            return;
        }

        if (MessagingLimit.TryParse(WebhookJson.Text(value.MaxDailyConversationsPerBusiness), out var limit)
            && (await signals.GetMessagingLimitAsync(cancellationToken)).UpdatedAt <= change.At)
        {
            await signals.SetMessagingLimitAsync(new MessagingLimit(limit, $"webhook:{change.Field}", change.At), cancellationToken);
            LogLimit(logger, limit?.ToString() ?? "unlimited", change.Field);
        }

        if (change.Field == PhoneQualityField && value.Event is { } phoneEvent)
        {
            await ApplyPhoneEventAsync(value.DisplayPhoneNumber, phoneEvent.ToUpperInvariant(), change.At, cancellationToken);
        }
    }

    private async Task ApplyPhoneEventAsync(string? displayNumber, string phoneEvent, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var phoneNumberId = ResolvePhoneNumberId(displayNumber);
        if (phoneNumberId is null)
        {
            LogUnknownNumber(logger, phoneEvent);
            return;
        }

        var profile = await signals.GetPhoneNumberAsync(phoneNumberId, cancellationToken);
        if (profile.UpdatedAt > at)
        {
            return;
        }

        // FLAGGED/UNFLAGGED are legacy events Meta no longer documents; still read, leniently.
        PhoneNumberProfile? next = phoneEvent switch
        {
            "THROUGHPUT_UPGRADE" => profile with { MessagesPerSecond = account.Value.UpgradedMessagesPerSecond, UpdatedAt = at },
            "FLAGGED" => profile with { Quality = "RED", UpdatedAt = at },
            "UNFLAGGED" => profile with { Quality = "GREEN", UpdatedAt = at },
            _ => null,
        };
        if (next is not null)
        {
            await signals.SetPhoneNumberAsync(next, cancellationToken);
            LogPhone(logger, phoneNumberId, phoneEvent);
        }
    }

    private string? ResolvePhoneNumberId(string? displayNumber)
    {
        var digits = new string((displayNumber ?? "").Where(char.IsAsciiDigit).ToArray());
        if (account.Value.DisplayPhoneNumbers.TryGetValue(digits, out var id))
        {
            return id;
        }

        return whatsApp.Value.PhoneNumberIds.Count == 1 ? whatsApp.Value.PhoneNumberIds[0] : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messaging limit is now {Limit} (from {Field})")]
    private static partial void LogLimit(ILogger logger, string limit, string field);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Phone number {PhoneNumberId}: {Event}")]
    private static partial void LogPhone(ILogger logger, string phoneNumberId, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped phone number event {Event}: display number not mapped (set Account:DisplayPhoneNumbers)")]
    private static partial void LogUnknownNumber(ILogger logger, string @event);
}
