using System.Text.Json.Nodes;

namespace WhatsAppCampaigns.CloudApiSimulator.Webhooks;

/// <summary>Builds the webhooks a user or Meta originates: inbound messages, user preferences, template status updates.</summary>
internal static class InboundPayloadFactory
{
    public static JsonObject Text(string wabaId, SimulatedPhoneNumber phone, string from, string profileName, string messageId, DateTimeOffset at, string body)
    {
        var message = Message(from, messageId, at, "text");
        message["text"] = new JsonObject { ["body"] = body };
        return Messages(wabaId, phone, from, profileName, message);
    }

    public static JsonObject Button(
        string wabaId, SimulatedPhoneNumber phone, string from, string profileName, string messageId, DateTimeOffset at,
        string payload, string text, string? contextWamid)
    {
        var message = Message(from, messageId, at, "button");
        if (contextWamid is not null)
        {
            // context.from is the business number that sent the template being answered.
            message["context"] = new JsonObject { ["from"] = phone.DisplayDigits, ["id"] = contextWamid };
        }
        message["button"] = new JsonObject { ["payload"] = payload, ["text"] = text };
        return Messages(wabaId, phone, from, profileName, message);
    }

    public static JsonObject UserPreference(string wabaId, SimulatedPhoneNumber phone, string waId, string profileName, string value, DateTimeOffset at)
    {
        var preference = new JsonObject
        {
            ["wa_id"] = waId,
            ["detail"] = value == "stop" ? "User requested to stop marketing messages" : "User requested to resume marketing messages",
            ["category"] = "marketing_messages",
            ["value"] = value,
            ["timestamp"] = at.ToUnixTimeSeconds(),
        };
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = WebhookEnvelope.Metadata(phone),
            ["contacts"] = Contacts(waId, profileName),
            ["user_preferences"] = new JsonArray(preference),
        };
        return WebhookEnvelope.Wrap(wabaId, "user_preferences", body);
    }

    public static JsonObject TemplateStatus(string wabaId, string templateId, string name, string language, string @event, string reason)
    {
        var body = new JsonObject
        {
            ["event"] = @event,
            ["message_template_id"] = long.TryParse(templateId, out var numericId) ? numericId : templateId,
            ["message_template_name"] = name,
            ["message_template_language"] = language,
            ["reason"] = reason,
        };
        return WebhookEnvelope.Wrap(wabaId, "message_template_status_update", body);
    }

    private static JsonObject Message(string from, string id, DateTimeOffset at, string type) => new()
    {
        ["from"] = from,
        ["id"] = id,
        ["timestamp"] = WebhookEnvelope.UnixSeconds(at),
        ["type"] = type,
    };

    private static JsonObject Messages(string wabaId, SimulatedPhoneNumber phone, string from, string profileName, JsonObject message)
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = WebhookEnvelope.Metadata(phone),
            ["contacts"] = Contacts(from, profileName),
            ["messages"] = new JsonArray(message),
        };
        return WebhookEnvelope.Wrap(wabaId, "messages", value);
    }

    private static JsonArray Contacts(string waId, string profileName) =>
        new(new JsonObject { ["profile"] = new JsonObject { ["name"] = profileName }, ["wa_id"] = waId });
}
