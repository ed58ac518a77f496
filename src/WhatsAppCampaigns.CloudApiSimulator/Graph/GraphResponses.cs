using System.Text.Json.Nodes;

namespace WhatsAppCampaigns.CloudApiSimulator.Graph;

/// <summary>Writes Graph-shaped JSON answers.</summary>
internal static class GraphResponses
{
    private const string JsonContentType = "application/json; charset=UTF-8";

    public static IResult Json(JsonNode body, int status = 200) =>
        Results.Content(body.ToJsonString(SimulatorJson.Output), JsonContentType, statusCode: status);

    /// <summary>
    /// The error envelope: <c>{"error":{message,type,code,error_subcode?,error_data,fbtrace_id}}</c>. A 190 is Graph's own
    /// OAuth error, not WhatsApp's: its message is the bare text (no <c>(#190)</c> prefix) and it has no <c>error_data</c>.
    /// </summary>
    public static IResult Error(GraphError error)
    {
        var oauth = error.Code == GraphErrorCodes.AccessTokenInvalid;
        var body = new JsonObject
        {
            ["message"] = oauth ? error.Title : $"(#{error.Code}) {error.Title}",
            ["type"] = "OAuthException",
            ["code"] = error.Code,
        };
        if (error.Subcode is { } subcode)
        {
            body["error_subcode"] = subcode;
        }
        if (!oauth)
        {
            body["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = error.Details };
        }

        body["fbtrace_id"] = NewTraceId();
        return Json(new JsonObject { ["error"] = body }, error.HttpStatus);
    }

    private static string NewTraceId() => "A" + Convert.ToBase64String(Guid.NewGuid().ToByteArray())[..22].Replace('+', 'x').Replace('/', 'y');
}
