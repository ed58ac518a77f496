using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppCampaigns.CloudApiSimulator.Diagnostics;
using WhatsAppCampaigns.CloudApiSimulator.Hosting;
using WhatsAppCampaigns.CloudApiSimulator.Scenario;

namespace WhatsAppCampaigns.CloudApiSimulator.Graph;

/// <summary>Maps the Graph calls the product makes: send a message, list templates, read a phone number.</summary>
internal static class GraphEndpoints
{
    public static IEndpointRouteBuilder MapGraphApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/{version}/{phoneNumberId}/messages", SendMessageAsync);
        app.MapGet("/{version}/{wabaId}/message_templates", TemplateListing.List);
        app.MapGet("/{version}/{objectId}", PhoneNumberReader.Read);
        return app;
    }

    private static async Task<IResult> SendMessageAsync(
        string version, string phoneNumberId, HttpRequest request,
        SimulatorContext context, MessageSendPipeline pipeline, ILogger<MessageSendPipeline> logger)
    {
        if (Precheck(version, request, context) is { } precheckError)
        {
            return Rejected(context, logger, phoneNumberId, precheckError);
        }
        if (context.FindPhoneNumber(phoneNumberId) is not { } phone)
        {
            return Rejected(context, logger, phoneNumberId, UnknownObject(phoneNumberId));
        }
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return Rejected(context, logger, phoneNumberId, GraphError.Of(GraphErrorCodes.InvalidParameter, "The request body is not valid JSON."));
        }
        var (entry, error) = pipeline.Send(phone, body);
        if (error is not null)
        {
            SimulatorLog.Rejected(logger, phoneNumberId, error.Code);
            return GraphResponses.Error(error);
        }
        SimulatorLog.Accepted(logger, entry!.Wamid, entry.TemplateName, PhoneNumberText.Mask(entry.WaId), entry.FailureCode);
        return GraphResponses.Json(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = entry.To, ["wa_id"] = entry.WaId }),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = entry.Wamid, ["message_status"] = "accepted" }),
        });
    }

    /// <summary>Version path segment and token, common to every Graph call.</summary>
    internal static GraphError? Precheck(string version, HttpRequest request, SimulatorContext context)
    {
        var validVersion = version.Length > 1 && version[0] == 'v' && version[1..].All(c => char.IsAsciiDigit(c) || c == '.');
        return validVersion
            ? AccessTokenCheck.Verify(request, context.Options.AccessToken)
            : GraphError.Of(GraphErrorCodes.InvalidParameter, $"Unknown path components: /{TemplateSendRequestParser.Truncate(version)}", 2500);
    }

    internal static GraphError UnknownObject(string id) => GraphError.Of(
        GraphErrorCodes.InvalidParameter,
        $"Unsupported request. Object with ID '{TemplateSendRequestParser.Truncate(id)}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
        33);

    private static IResult Rejected(SimulatorContext context, ILogger logger, string phoneNumberId, GraphError error)
    {
        context.Ledger.RecordRejection(error.Code);
        SimulatorLog.Rejected(logger, phoneNumberId, error.Code);
        return GraphResponses.Error(error);
    }
}
