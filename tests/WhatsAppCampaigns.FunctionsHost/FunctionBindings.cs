using System.Text.Json.Nodes;
using WhatsAppCampaigns.FunctionsHost.Rpc;

namespace WhatsAppCampaigns.FunctionsHost;

/// <summary>One binding as the worker declared it in its metadata (a raw binding is the function.json entry, as JSON).</summary>
public sealed record FunctionBinding(string Name, string Type, string Direction, JsonObject Raw)
{
    public string? Property(string key) => Raw[key]?.ToString();

    public bool SupportsDeferredBinding =>
        Raw["properties"] is JsonObject properties
        && string.Equals(properties["supportsDeferredBinding"]?.ToString(), "true", StringComparison.OrdinalIgnoreCase);

    public static FunctionBinding Parse(string rawBinding)
    {
        var raw = JsonNode.Parse(rawBinding)!.AsObject();
        return new FunctionBinding((string)raw["name"]!, (string)raw["type"]!, (string?)raw["direction"] ?? "In", raw);
    }

    /// <summary>What the host sends back in the load request, built from the raw binding as the host does.</summary>
    internal BindingInfo ToBindingInfo()
    {
        var info = new BindingInfo
        {
            Type = Type,
            Direction = Direction.ToLowerInvariant() switch
            {
                "out" => BindingInfo.Types.Direction.Out,
                "inout" => BindingInfo.Types.Direction.Inout,
                _ => BindingInfo.Types.Direction.In,
            },
            DataType = (Property("dataType") ?? "").ToLowerInvariant() switch
            {
                "string" => BindingInfo.Types.DataType.String,
                "binary" => BindingInfo.Types.DataType.Binary,
                "stream" => BindingInfo.Types.DataType.Stream,
                _ => BindingInfo.Types.DataType.Undefined,
            },
        };
        if (Raw["properties"] is JsonObject properties)
        {
            foreach (var (key, value) in properties)
            {
                info.Properties[key] = value?.ToString() ?? "";
            }
        }

        return info;
    }
}

/// <summary>A function the worker indexed, and what its load request answered.</summary>
public sealed record LoadedFunction(string Name, string FunctionId, string ScriptFile, string EntryPoint, IReadOnlyList<FunctionBinding> Bindings, bool Loaded, string? LoadError)
{
    public FunctionBinding Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));

    public FunctionBinding? Binding(string type) => Bindings.SingleOrDefault(b => b.Type == type);
}
