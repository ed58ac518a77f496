using System.Text.Json;
using System.Text.Json.Serialization;

namespace WhatsAppCampaigns.Core.Webhooks;

/// <summary>
/// Meta's webhook shapes, only the fields this product reads; unknown fields are ignored, and numbers that Meta
/// sometimes writes as strings (timestamps) are read either way.
/// </summary>
internal static class WebhookJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static DateTimeOffset? FromUnix(long? seconds) => seconds is > 0 and < 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : null;

    /// <summary>The text of a value Meta writes as a string or a number (limits such as "TIER_2K", 2000 or -1).</summary>
    public static string? Text(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => value.Value.GetString(),
        JsonValueKind.Number => value.Value.GetRawText(),
        _ => null,
    };
}

internal sealed record WebhookPayload(string? Object, IReadOnlyList<WebhookEntry>? Entry);

internal sealed record WebhookEntry(string? Id, long? Time, IReadOnlyList<WebhookChange>? Changes);

internal sealed record WebhookChange(string? Field, JsonElement Value);

internal sealed record WebhookMetadata(string? DisplayPhoneNumber, string? PhoneNumberId);

/// <summary><c>field: messages</c>: statuses of messages we sent and messages people sent us.</summary>
internal sealed record MessagesValue(WebhookMetadata? Metadata, IReadOnlyList<StatusItem>? Statuses, IReadOnlyList<InboundMessage>? Messages);

internal sealed record StatusItem(
    string? Id,
    string? Status,
    long? Timestamp,
    string? RecipientId,
    string? BizOpaqueCallbackData,
    StatusPricing? Pricing,
    IReadOnlyList<StatusError>? Errors);

internal sealed record StatusPricing(string? Category);

internal sealed record StatusError(int? Code, string? Title);

internal sealed record InboundMessage(string? From, string? Id, long? Timestamp, string? Type, InboundText? Text, InboundButton? Button, InboundInteractive? Interactive);

internal sealed record InboundText(string? Body);

internal sealed record InboundButton(string? Payload, string? Text);

internal sealed record InboundInteractive(string? Type, InboundReply? ButtonReply, InboundReply? ListReply);

internal sealed record InboundReply(string? Id, string? Title);

/// <summary><c>field: user_preferences</c>.</summary>
internal sealed record UserPreferencesValue(IReadOnlyList<UserPreference>? UserPreferences);

internal sealed record UserPreference(string? WaId, string? Detail, string? Category, string? Value, long? Timestamp);

/// <summary><c>field: message_template_status_update</c> and <c>message_template_quality_update</c>.</summary>
internal sealed record TemplateUpdateValue(
    string? Event,
    string? MessageTemplateName,
    string? MessageTemplateLanguage,
    string? Reason,
    string? NewQualityScore);

/// <summary><c>field: business_capability_update</c> and <c>phone_number_quality_update</c>.</summary>
internal sealed record AccountUpdateValue(
    string? DisplayPhoneNumber,
    string? Event,
    JsonElement? CurrentLimit,
    JsonElement? MaxDailyConversationsPerBusiness);
