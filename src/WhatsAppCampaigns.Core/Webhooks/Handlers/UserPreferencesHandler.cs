using System.Text.Json;
using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Observability;

namespace WhatsAppCampaigns.Core.Webhooks.Handlers;

/// <summary>
/// <c>user_preferences</c>: the person used WhatsApp's own Stop/Resume control for this business's offers.
/// Stop is an opt-out (attributed to the campaign message last delivered, <see cref="OptOutAttributor"/>); Resume is the
/// person's own request for offers, recorded as an opt-in.
/// </summary>
internal sealed partial class UserPreferencesHandler(OptOutAttributor optOuts, ILogger<UserPreferencesHandler> logger) : IWebhookChangeHandler
{
    public const string Source = ConsentSources.UserPreferences;

    public bool Handles(string field) => field == "user_preferences";

    public async Task HandleAsync(WebhookChangeContext change, CancellationToken cancellationToken)
    {
        var value = change.Value.Deserialize<UserPreferencesValue>(WebhookJson.Options);
        foreach (var preference in value?.UserPreferences ?? [])
        {
            ConsentStatus? status = preference.Value?.ToLowerInvariant() switch
            {
                "stop" => ConsentStatus.OptedOut,
                "resume" => ConsentStatus.OptedIn,
                _ => null,
            };
            if (preference.Category != "marketing_messages" || status is null || !WebhookPhone.TryE164(preference.WaId, out var phone))
            {
                LogSkipped(logger, preference.Category ?? "(none)", preference.Value ?? "(none)");
                continue;
            }

            var at = WebhookJson.FromUnix(preference.Timestamp) ?? change.At;
            var evidence = preference.Detail ?? $"marketing_messages: {preference.Value}";
            await optOuts.RecordAsync(phone, new ConsentChange(ConsentScope.Marketing, status.Value, Source, at, evidence), cancellationToken);
            LogRecorded(logger, PhoneMask.Mask(phone), status.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped a user preference '{Category}' = '{Value}'")]
    private static partial void LogSkipped(ILogger logger, string category, string value);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded marketing {Status} for {Phone} from user preferences")]
    private static partial void LogRecorded(ILogger logger, string phone, ConsentStatus status);
}
