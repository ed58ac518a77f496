using System.Text.Json;
using WhatsAppCampaigns.CloudApiSimulator.Templates;

namespace WhatsAppCampaigns.CloudApiSimulator.Hosting;

/// <summary>
/// Options for <c>dotnet run</c>: section <c>Simulator</c> from environment variables (prefix <c>CLOUDAPISIM_</c>,
/// e.g. <c>CLOUDAPISIM_Simulator__Port</c>) and the command line (<c>--port 5080</c>, or any key as <c>--Simulator:Limits:ThroughputPerSecond=5</c>).
/// </summary>
internal static class SimulatorConfiguration
{
    public const string SectionName = "Simulator";

    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--port"] = "Simulator:Port",
        ["--token"] = "Simulator:AccessToken",
        ["--app-secret"] = "Simulator:AppSecret",
        ["--webhook-url"] = "Simulator:WebhookUrl",
        ["--waba-id"] = "Simulator:WabaId",
        ["--seed"] = "Simulator:Seed",
        ["--templates"] = "Simulator:TemplatesFile",
        ["--log-level"] = "Simulator:MinimumLogLevel",
    };

    public static CloudApiSimulatorOptions Load(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables("CLOUDAPISIM_")
            .AddCommandLine(args, SwitchMappings)
            .Build();
        var section = configuration.GetSection(SectionName);
        var options = new CloudApiSimulatorOptions { MinimumLogLevel = LogLevel.Information };
        section.Bind(options);
        if (section["TemplatesFile"] is { Length: > 0 } file)
        {
            options.Templates = LoadTemplates(file);
        }
        return options;
    }

    /// <summary>Reads a JSON array of templates, e.g. <c>[{"name":"cart_reminder","language":"en_US","category":"MARKETING","bodyText":"Hi {{1}}"}]</c>.</summary>
    public static List<SimulatedTemplate> LoadTemplates(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<SimulatedTemplate>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"Template seed file '{Path.GetFileName(path)}' is empty.");
    }
}
