using System.Text.Json.Nodes;

namespace WhatsAppCampaigns.CloudApiSimulator.Graph;

/// <summary>Checks one <c>template.components[i]</c> and its parameters.</summary>
internal static class ComponentValidator
{
    private static readonly HashSet<string> ParameterTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "text", "currency", "date_time", "image", "document", "video", "location", "payload", "coupon_code", "action",
    };

    public static GraphError? Validate(JsonNode? node, int index, HashSet<string> componentTypes, out int bodyParameters)
    {
        bodyParameters = 0;
        var path = $"template['components'][{index}]";
        if (node is not JsonObject component)
        {
            return Invalid($"Param {path} must be an object.");
        }
        var type = TemplateSendRequestParser.Text(component, "type");
        if (type is null)
        {
            return GraphError.Of(GraphErrorCodes.RequiredParameterMissing, $"The parameter {path}['type'] is required.");
        }
        if (!componentTypes.Contains(type))
        {
            return Invalid($"Param {path}['type'] must be one of header, body, button, footer.");
        }
        if (type.Equals("button", StringComparison.OrdinalIgnoreCase)
            && (component["sub_type"] is null || component["index"] is null))
        {
            return GraphError.Of(GraphErrorCodes.RequiredParameterMissing, $"The parameters {path}['sub_type'] and ['index'] are required for buttons.");
        }
        if (component["parameters"] is null)
        {
            return null;
        }
        if (component["parameters"] is not JsonArray parameters)
        {
            return Invalid($"Param {path}['parameters'] must be an array.");
        }
        for (var i = 0; i < parameters.Count; i++)
        {
            if (ValidateParameter(parameters[i], $"{path}['parameters'][{i}]") is { } error)
            {
                return error;
            }
        }
        if (type.Equals("body", StringComparison.OrdinalIgnoreCase))
        {
            bodyParameters = parameters.Count;
        }
        return null;
    }

    private static GraphError? ValidateParameter(JsonNode? node, string path)
    {
        if (node is not JsonObject parameter)
        {
            return Invalid($"Param {path} must be an object.");
        }
        var type = TemplateSendRequestParser.Text(parameter, "type");
        if (type is null)
        {
            return GraphError.Of(GraphErrorCodes.RequiredParameterMissing, $"The parameter {path}['type'] is required.");
        }
        if (!ParameterTypes.Contains(type))
        {
            return Invalid($"Param {path}['type'] '{TemplateSendRequestParser.Truncate(type)}' is not a valid parameter type.");
        }
        if (type.Equals("text", StringComparison.OrdinalIgnoreCase) && TemplateSendRequestParser.Text(parameter, "text") is null)
        {
            return GraphError.Of(GraphErrorCodes.RequiredParameterMissing, $"The parameter {path}['text'] is required.");
        }
        if (type.Equals("payload", StringComparison.OrdinalIgnoreCase) && TemplateSendRequestParser.Text(parameter, "payload") is null)
        {
            return GraphError.Of(GraphErrorCodes.RequiredParameterMissing, $"The parameter {path}['payload'] is required.");
        }
        return null;
    }

    private static GraphError Invalid(string details) => GraphError.Of(GraphErrorCodes.ParameterValueInvalid, details);
}
