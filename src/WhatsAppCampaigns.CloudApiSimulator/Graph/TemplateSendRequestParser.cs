using System.Text.Json.Nodes;
using WhatsAppCampaigns.CloudApiSimulator.Scenario;

namespace WhatsAppCampaigns.CloudApiSimulator.Graph;

/// <summary>Validates a <c>/messages</c> body the way Graph does for template sends: 131008 missing, 131009 invalid, 100 wrong product.</summary>
internal static class TemplateSendRequestParser
{
    private const int MaxCallbackDataLength = 512;
    private static readonly HashSet<string> ComponentTypes = new(StringComparer.OrdinalIgnoreCase) { "header", "body", "button", "footer" };

    public static (TemplateSendRequest? Request, GraphError? Error) Parse(JsonNode? body)
    {
        if (body is not JsonObject root)
        {
            return Fail(GraphErrorCodes.InvalidParameter, "The request body must be a JSON object.");
        }
        var product = Text(root, "messaging_product");
        if (product is null)
        {
            return Missing("messaging_product");
        }
        if (product != "whatsapp")
        {
            return Fail(GraphErrorCodes.InvalidParameter, "Param messaging_product must be 'whatsapp'.");
        }
        if (Text(root, "recipient_type") is { } recipientType && recipientType != "individual")
        {
            return Fail(GraphErrorCodes.ParameterValueInvalid, "Param recipient_type must be 'individual'.");
        }
        var to = Text(root, "to");
        if (string.IsNullOrWhiteSpace(to))
        {
            return Missing("to");
        }
        if (!PhoneNumberText.IsValid(to))
        {
            return Fail(GraphErrorCodes.ParameterValueInvalid, "Param to is not a valid phone number.");
        }
        var type = Text(root, "type");
        if (type is null)
        {
            return Missing("type");
        }
        if (type != "template")
        {
            return Fail(GraphErrorCodes.ParameterValueInvalid, $"The simulator accepts only type 'template', not '{Truncate(type)}'.");
        }
        if (root["template"] is not JsonObject template)
        {
            return Missing("template");
        }
        var name = Text(template, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            return Missing("template['name']");
        }
        var language = (template["language"] as JsonObject) is { } lang ? Text(lang, "code") : null;
        if (string.IsNullOrWhiteSpace(language))
        {
            return Missing("template['language']['code']");
        }
        var (bodyParameters, componentError) = CountBodyParameters(template["components"]);
        if (componentError is not null)
        {
            return (null, componentError);
        }
        var callbackNode = root["biz_opaque_callback_data"];
        var callbackData = callbackNode is null ? null : Text(root, "biz_opaque_callback_data");
        if (callbackNode is not null && (callbackData is null || callbackData.Length > MaxCallbackDataLength))
        {
            return Fail(GraphErrorCodes.ParameterValueInvalid, $"Param biz_opaque_callback_data must be a string of at most {MaxCallbackDataLength} characters.");
        }
        return (new TemplateSendRequest(to, name, language, bodyParameters, callbackData), null);
    }

    private static (int Count, GraphError? Error) CountBodyParameters(JsonNode? components)
    {
        if (components is null)
        {
            return (0, null);
        }
        if (components is not JsonArray list)
        {
            return (0, GraphError.Of(GraphErrorCodes.ParameterValueInvalid, "Param template['components'] must be an array."));
        }
        var count = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var error = ComponentValidator.Validate(list[i], i, ComponentTypes, out var bodyParameters);
            if (error is not null)
            {
                return (0, error);
            }
            count += bodyParameters;
        }
        return (count, null);
    }

    internal static string? Text(JsonObject node, string property) =>
        node[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    internal static string Truncate(string value) => value.Length <= 40 ? value : value[..40];

    private static (TemplateSendRequest?, GraphError?) Missing(string parameter) =>
        Fail(GraphErrorCodes.RequiredParameterMissing, $"The parameter {parameter} is required.");

    private static (TemplateSendRequest?, GraphError?) Fail(int code, string details) => (null, GraphError.Of(code, details));
}
