using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WhatsAppCampaigns.Infra.Tests.Support;

/// <summary>A resource of a compiled ARM template, with the (possibly nested) template that declares it.</summary>
internal sealed record ArmResource(JsonObject Json, JsonObject Template, string Location)
{
    public string Type => Json["type"]?.GetValue<string>() ?? "";

    public JsonObject Properties => Json["properties"] as JsonObject ?? [];
}

/// <summary>Read-only helpers over the ARM JSON that <c>bicep build</c> emits (modules become nested deployments).</summary>
internal sealed partial class ArmTemplate(JsonObject root)
{
    public const string DeploymentType = "Microsoft.Resources/deployments";

    public JsonObject Root { get; } = root;

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Text => TextOf(Root);

    /// <summary>JSON text without \u0027-style escapes, so ARM expressions read as written.</summary>
    public static string TextOf(JsonNode? node) => node?.ToJsonString(Unescaped) ?? "";

    public static ArmTemplate Parse(string json) =>
        new(JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("An ARM template is a JSON object."));

    /// <summary>The root template followed by every nested module template, depth first.</summary>
    public IEnumerable<(JsonObject Template, string Location)> Templates()
    {
        var pending = new Stack<(JsonObject, string)>();
        pending.Push((Root, "main"));
        while (pending.Count > 0)
        {
            var (template, location) = pending.Pop();
            yield return (template, location);
            foreach (var (resource, name) in ResourcesOf(template))
            {
                if (IsType(resource, DeploymentType) && resource["properties"]?["template"] is JsonObject nested)
                {
                    pending.Push((nested, $"{location}/{ModuleName(resource, name)}"));
                }
            }
        }
    }

    public IEnumerable<ArmResource> Resources() =>
        Templates().SelectMany(t => ResourcesOf(t.Template)
            .Select(r => new ArmResource(r.Resource, t.Template, $"{t.Location}/{r.Name}")));

    public IEnumerable<ArmResource> Resources(string type) =>
        Resources().Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The nested deployment (module) with the given deployment name, declared in the root template.</summary>
    public ArmResource Module(string name) =>
        Resources(DeploymentType).Single(r => r.Json["name"]?.GetValue<string>() == name);

    public static JsonObject ModuleTemplate(ArmResource module) =>
        module.Properties["template"] as JsonObject ?? throw new InvalidDataException("Module without template.");

    /// <summary>Every GUID literal an expression can reach, following <c>variables('x')</c> transitively.</summary>
    public static IReadOnlySet<string> ReachableGuids(string expression, JsonObject template)
    {
        var guids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seenVariables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<string>([expression]);
        while (pending.Count > 0)
        {
            var text = pending.Dequeue();
            foreach (Match guid in GuidPattern().Matches(text))
            {
                guids.Add(guid.Value);
            }

            foreach (Match reference in VariableReference().Matches(text))
            {
                var name = reference.Groups["name"].Value;
                if (seenVariables.Add(name) && template["variables"]?[name] is JsonNode value)
                {
                    pending.Enqueue(TextOf(value));
                }
            }
        }

        return guids;
    }

    /// <summary>Merges the object-valued variables an expression refers to (for union(variables('a'), ...)).</summary>
    public static JsonObject ReachableObject(JsonNode? node, JsonObject template)
    {
        var merged = new JsonObject();
        if (node is JsonObject literal)
        {
            foreach (var (key, value) in literal)
            {
                merged[key] = value?.DeepClone();
            }

            return merged;
        }

        var text = TextOf(node);
        foreach (Match reference in VariableReference().Matches(text))
        {
            if (template["variables"]?[reference.Groups["name"].Value] is JsonObject variable)
            {
                foreach (var (key, value) in variable)
                {
                    merged[key] = value?.DeepClone();
                }
            }
        }

        return merged;
    }

    public static IEnumerable<string> ParameterReferences(string expression) =>
        ParameterReference().Matches(expression).Select(m => m.Groups["name"].Value);

    public static bool IsSecure(JsonNode? parameter)
    {
        var type = parameter?["type"]?.GetValue<string>() ?? "";
        return type.Equals("securestring", StringComparison.OrdinalIgnoreCase)
            || type.Equals("secureobject", StringComparison.OrdinalIgnoreCase);
    }

    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static IEnumerable<(JsonObject Resource, string Name)> ResourcesOf(JsonObject template)
    {
        switch (template["resources"])
        {
            case JsonArray array:
                foreach (var (item, index) in array.Select((r, i) => (r, i)))
                {
                    if (item is JsonObject resource)
                    {
                        yield return (resource, $"{AsString(resource["type"])}#{index}");
                    }
                }

                break;
            case JsonObject symbolic:
                foreach (var (name, item) in symbolic)
                {
                    if (item is JsonObject resource)
                    {
                        yield return (resource, name);
                    }
                }

                break;
        }
    }

    private static string ModuleName(JsonObject resource, string fallback) => AsString(resource["name"]) ?? fallback;

    private static bool IsType(JsonObject resource, string type) =>
        string.Equals(AsString(resource["type"]), type, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"parameters\('(?<name>[^']+)'\)")]
    private static partial Regex ParameterReference();
}
