using System.Text.Json.Nodes;
using WhatsAppCampaigns.CloudApiSimulator.Graph;
using WhatsAppCampaigns.CloudApiSimulator.Ledger;

namespace WhatsAppCampaigns.CloudApiSimulator.Webhooks;

/// <summary>Builds <c>statuses</c> webhooks (field <c>messages</c>) for an accepted send.</summary>
internal static class StatusPayloadFactory
{
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Read = "read";
    public const string Failed = "failed";

    /// <summary>One element of <c>value.statuses</c>.</summary>
    public static JsonObject CreateItem(LedgerEntry entry, string status, DateTimeOffset at, bool withPricing)
    {
        var item = new JsonObject
        {
            ["id"] = entry.Wamid,
            ["status"] = status,
            ["timestamp"] = WebhookEnvelope.UnixSeconds(at),
            ["recipient_id"] = entry.WaId,
        };
        if (entry.BizOpaqueCallbackData is not null)
        {
            item["biz_opaque_callback_data"] = entry.BizOpaqueCallbackData;
        }
        if (withPricing)
        {
            item["pricing"] = new JsonObject
            {
                ["billable"] = true,
                ["pricing_model"] = "PMP",
                ["type"] = "regular",
                ["category"] = entry.Category.ToLowerInvariant(),
            };
        }
        if (status == Failed && entry.FailureCode is { } code)
        {
            item["errors"] = new JsonArray(Error(code));
        }
        return item;
    }

    /// <summary>A whole webhook carrying these statuses of one business number.</summary>
    public static JsonObject Wrap(string wabaId, SimulatedPhoneNumber phone, IEnumerable<JsonNode> items)
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = WebhookEnvelope.Metadata(phone),
            ["statuses"] = new JsonArray(items.Select(i => (JsonNode?)i.DeepClone()).ToArray()),
        };
        return WebhookEnvelope.Wrap(wabaId, "messages", value);
    }

    private static JsonObject Error(int code)
    {
        var title = GraphError.TitleOf(code);
        return new JsonObject
        {
            ["code"] = code,
            ["title"] = title,
            ["message"] = title,
            ["error_data"] = new JsonObject { ["details"] = FailureDetails(code) },
            ["href"] = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
        };
    }

    private static string FailureDetails(int code) => code switch
    {
        GraphErrorCodes.MessageUndeliverable => "Message Undeliverable.",
        GraphErrorCodes.HealthyEcosystemEngagement => "In order to maintain healthy ecosystem engagement, the message failed to be delivered.",
        GraphErrorCodes.UserStoppedMarketing => "The recipient has chosen to stop receiving marketing messages on WhatsApp from your business.",
        _ => GraphError.TitleOf(code),
    };
}
