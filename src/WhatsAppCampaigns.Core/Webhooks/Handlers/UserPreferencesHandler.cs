using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Observability;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Webhooks.Handlers;

/// <summary>
/// <c>user_preferences</c>: the person used WhatsApp's own Stop/Resume control for this business's offers.
/// Stop is an opt-out (attributed to the campaign message last delivered, <see cref="OptOutAttributor"/>); Resume is the
/// person's own request for offers, recorded as an opt-in.
/// </summary>
internal sealed partial class UserPreferencesHandler(OptOutAttributor optOuts, WebhookProcessingStats stats, ILogger<UserPreferencesHandler> logger) : IWebhookChangeHandler
{
    public const string Source = ConsentSources.UserPreferences;

    /// <summary>Meta's categories and values are short words (<c>marketing_messages</c>, <c>stop</c>).</summary>
    private const int MaxWordChars = 64;

    public bool Handles(string field) => field == "user_preferences";

    public async Task HandleAsync(WebhookChangeContext change, CancellationToken cancellationToken)
    {
        foreach (var preference in WebhookJson.Items<UserPreference>(change.Value, "user_preferences", change.Field, stats))
        {
            await stats.GuardAsync(change.Field, "preference", () => HandleAsync(preference, change.At, cancellationToken), cancellationToken);
        }
    }

    private async Task HandleAsync(UserPreference preference, DateTimeOffset changeAt, CancellationToken cancellationToken)
    {
        ConsentStatus? status = preference.Value?.ToLowerInvariant() switch
        {
            "stop" => ConsentStatus.OptedOut,
            "resume" => ConsentStatus.OptedIn,
            _ => null,
        };
        if (!WebhookPhone.TryE164(preference.WaId, out var phone))
        {
            stats.Drop("user_preferences", "preference_wa_id_invalid");
            return;
        }

        if (!TableLimits.FitsProperty(preference.Category, MaxWordChars) || !TableLimits.FitsProperty(preference.Value, MaxWordChars))
        {
            stats.Drop("user_preferences", "preference_field_too_long");
            return;
        }

        if (preference.Category != "marketing_messages" || status is null)
        {
            // Other categories and values are Meta's to add; their words are logged only when they look like words.
            LogSkipped(logger, Word(preference.Category), Word(preference.Value));
            return;
        }

        var at = WebhookJson.FromUnix(preference.Timestamp) ?? changeAt;
        var evidence = TableLimits.Truncate(preference.Detail, WebhookJson.MaxEvidenceChars) ?? $"marketing_messages: {preference.Value}";
        await optOuts.RecordAsync(phone, new ConsentChange(ConsentScope.Marketing, status.Value, Source, at, evidence), cancellationToken);
        LogRecorded(logger, PhoneMask.Mask(phone), status.Value);
    }

    private static string Word(string? value) =>
        value is null ? "(none)" : value.Length <= 32 && value.All(c => char.IsAsciiLetter(c) || c == '_') ? value : "(other)";

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped a user preference '{Category}' = '{Value}'")]
    private static partial void LogSkipped(ILogger logger, string category, string value);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded marketing {Status} for {Phone} from user preferences")]
    private static partial void LogRecorded(ILogger logger, string phone, ConsentStatus status);
}
