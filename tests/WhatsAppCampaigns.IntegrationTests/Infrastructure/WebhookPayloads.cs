using System.Text;
using System.Text.Json.Nodes;
using WhatsAppCampaigns.Core.Webhooks;

namespace WhatsAppCampaigns.IntegrationTests.Infrastructure;

/// <summary>Meta-shaped webhook bodies for tests, and their signature.</summary>
public static class WebhookPayloads
{
    public const string AppSecret = "test-app-secret";
    public const string PhoneNumberId = "106540352242922";

    public static string Sign(byte[] body) => WebhookSignature.Compute(body, AppSecret);

    public static byte[] Bytes(JsonNode payload) => Encoding.UTF8.GetBytes(payload.ToJsonString());

    public static JsonObject Status(string campaignId, string recipient, string status, long timestamp, int? errorCode = null)
    {
        var item = new JsonObject
        {
            ["id"] = $"wamid.{campaignId}.{recipient.TrimStart('+')}",
            ["status"] = status,
            ["timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["recipient_id"] = recipient.TrimStart('+'),
            ["biz_opaque_callback_data"] = $"{campaignId}|{recipient}",
            ["pricing"] = new JsonObject { ["billable"] = true, ["pricing_model"] = "PMP", ["category"] = "marketing" },
        };
        if (errorCode is { } code)
        {
            item["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["title"] = "error" });
        }

        return item;
    }

    public static JsonObject Statuses(params JsonObject[] items) => Messages(new JsonObject { ["statuses"] = new JsonArray(items) });

    public static JsonObject Text(string fromE164, string body, long timestamp = 1_772_460_000) => Inbound(fromE164, timestamp, "text", new JsonObject { ["body"] = body });

    public static JsonObject Button(string fromE164, string payload, string text, long timestamp = 1_772_460_000) =>
        Inbound(fromE164, timestamp, "button", new JsonObject { ["payload"] = payload, ["text"] = text });

    public static JsonObject UserPreference(string fromE164, string value, long timestamp = 1_772_460_000) =>
        Wrap("user_preferences", new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["user_preferences"] = new JsonArray(new JsonObject
            {
                ["wa_id"] = fromE164.TrimStart('+'),
                ["detail"] = "User requested to stop marketing messages",
                ["category"] = "marketing_messages",
                ["value"] = value,
                ["timestamp"] = timestamp,
            }),
        });

    public static JsonObject Wrap(string field, JsonObject value, long? time = null)
    {
        var entry = new JsonObject { ["id"] = "102290129340398", ["changes"] = new JsonArray(new JsonObject { ["field"] = field, ["value"] = value }) };
        if (time is { } t)
        {
            entry["time"] = t;
        }

        return new JsonObject { ["object"] = "whatsapp_business_account", ["entry"] = new JsonArray(entry) };
    }

    private static JsonObject Inbound(string fromE164, long timestamp, string type, JsonObject content)
    {
        var message = new JsonObject
        {
            ["from"] = fromE164.TrimStart('+'),
            ["id"] = $"wamid.in.{Guid.NewGuid():N}",
            ["timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = type,
            [type] = content,
        };
        return Messages(new JsonObject { ["messages"] = new JsonArray(message) });
    }

    private static JsonObject Messages(JsonObject value)
    {
        value["messaging_product"] = "whatsapp";
        value["metadata"] = new JsonObject { ["display_phone_number"] = "15550001111", ["phone_number_id"] = PhoneNumberId };
        return Wrap("messages", value);
    }
}
