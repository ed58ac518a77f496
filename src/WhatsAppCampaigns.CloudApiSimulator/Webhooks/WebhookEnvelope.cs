using System.Globalization;
using System.Text.Json.Nodes;

namespace WhatsAppCampaigns.CloudApiSimulator.Webhooks;

/// <summary>The outer shape shared by every WhatsApp webhook: <c>{object, entry[{id, changes[{field, value}]}]}</c>.</summary>
internal static class WebhookEnvelope
{
    public static JsonObject Wrap(string wabaId, string field, JsonObject value) => new()
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = wabaId,
            ["changes"] = new JsonArray(new JsonObject { ["field"] = field, ["value"] = value }),
        }),
    };

    public static JsonObject Metadata(SimulatedPhoneNumber phone) => new()
    {
        ["display_phone_number"] = phone.DisplayDigits,
        ["phone_number_id"] = phone.Id,
    };

    /// <summary>Webhook timestamps are unix seconds as strings.</summary>
    public static string UnixSeconds(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
