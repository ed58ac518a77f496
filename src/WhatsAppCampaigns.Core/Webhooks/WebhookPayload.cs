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

    /// <summary>Evidence kept from a webhook (the words typed, a preference's detail): enough to show what the person did.</summary>
    public const int MaxEvidenceChars = 200;

    public static DateTimeOffset? FromUnix(long? seconds) => seconds is > 0 and < 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : null;

    /// <summary>The text of a value Meta writes as a string or a number (limits such as "TIER_2K", 2000 or -1).</summary>
    public static string? Text(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => value.Value.GetString(),
        JsonValueKind.Number => value.Value.GetRawText(),
        _ => null,
    };

    /// <summary>A unix time Meta writes as a number or a string; null when it is neither.</summary>
    public static long? Unix(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>
    /// The objects of the array <paramref name="name"/> of a change's value, one at a time: a null, a non-object or an
    /// unreadable item is counted and dropped alone, so the items beside it are still handled.
    /// </summary>
    public static List<T> Items<T>(JsonElement value, string name, string field, WebhookProcessingStats stats)
        where T : class
    {
        var items = new List<T>();
        if (!value.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return items;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            stats.Drop(field, $"{name}_not_array");
            return items;
        }

        foreach (var item in array.EnumerateArray())
        {
            T? read = null;
            try
            {
                read = item.ValueKind == JsonValueKind.Object ? item.Deserialize<T>(Options) : null;
            }
            catch (JsonException)
            {
            }

            if (read is null)
            {
                stats.Drop(field, $"{name}_item_unreadable");
                continue;
            }

            items.Add(read);
        }

        return items;
    }

    /// <summary>An object property of a change's value read on its own; null (and counted) when it is unreadable.</summary>
    public static T? Object<T>(JsonElement value, string name, string field, WebhookProcessingStats stats)
        where T : class
    {
        if (!value.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return element.ValueKind == JsonValueKind.Object ? element.Deserialize<T>(Options) : throw new JsonException();
        }
        catch (JsonException)
        {
            stats.Drop(field, $"{name}_unreadable");
            return null;
        }
    }
}

internal sealed record WebhookMetadata(string? DisplayPhoneNumber, string? PhoneNumberId);

/// <summary><c>field: messages</c>: <c>statuses</c> of messages we sent and <c>messages</c> people sent us, read item by item.</summary>
internal static class MessagesValue
{
    public const string Statuses = "statuses";
    public const string Messages = "messages";
    public const string Metadata = "metadata";
}

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

/// <summary><c>field: user_preferences</c>: the value's <c>user_preferences</c> array.</summary>

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
