using System.Reflection;
using System.Text.Json.Nodes;

namespace WhatsAppCampaigns.Functions.Tests;

/// <summary>Reads the functions.metadata file that the Functions SDK generates at build time.</summary>
internal static class FunctionsMetadata
{
    public static IReadOnlyDictionary<string, JsonObject> Load()
    {
        var path = Locate();
        var functions = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        return functions.Select(f => f!.AsObject()).ToDictionary(f => (string)f["name"]!);
    }

    public static JsonObject Trigger(JsonObject function) =>
        function["bindings"]!.AsArray().Select(b => b!.AsObject())
            .Single(b => ((string)b["type"]!).EndsWith("Trigger", StringComparison.Ordinal));

    private static string Locate()
    {
        var assembly = typeof(FunctionsMetadata).Assembly;
        string Meta(string key) => assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("Functions.sln not found above " + AppContext.BaseDirectory);
        }

        var path = Path.Combine(dir.FullName, "src", "WhatsAppCampaigns.Functions", "bin", Meta("Configuration"), Meta("TargetFramework"), "functions.metadata");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the Functions app first", path);
    }
}
