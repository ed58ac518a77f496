using System.Text.Json.Nodes;
using WhatsAppCampaigns.CloudApiSimulator.Hosting;

namespace WhatsAppCampaigns.CloudApiSimulator.Graph;

/// <summary><c>GET /{version}/{phone-number-id}?fields=…</c>: the number's status, quality and limits (only the asked fields, plus id).</summary>
internal static class PhoneNumberReader
{
    public static IResult Read(string version, string objectId, HttpRequest request, SimulatorContext context)
    {
        if (GraphEndpoints.Precheck(version, request, context) is { } error)
        {
            return GraphResponses.Error(error);
        }
        if (context.FindPhoneNumber(objectId) is not { } phone)
        {
            return GraphResponses.Error(GraphEndpoints.UnknownObject(objectId));
        }
        var all = new JsonObject
        {
            ["display_phone_number"] = phone.DisplayPhoneNumber,
            ["verified_name"] = "Simulated Business",
            ["quality_rating"] = phone.QualityRating,
            ["status"] = "CONNECTED",
            ["whatsapp_business_manager_messaging_limit"] = phone.MessagingLimitTier,
            ["throughput"] = new JsonObject { ["level"] = phone.ThroughputLevel },
            ["id"] = phone.Id,
        };
        var fields = request.Query["fields"].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length == 0)
        {
            return GraphResponses.Json(all);
        }
        var selected = new JsonObject();
        foreach (var field in fields.Append("id").Distinct())
        {
            if (all[field] is { } value)
            {
                selected[field] = value.DeepClone();
            }
        }
        return GraphResponses.Json(selected);
    }
}
