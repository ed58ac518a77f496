using System.Text.Json;

namespace WhatsAppCampaigns.LocalRunner;

/// <summary>
/// Reads the <c>Values</c> of a Functions <c>local.settings.json</c>, so one file configures both <c>func start</c>
/// and the local runner (<c>--local-settings path</c>). Keys use <c>__</c> as the section separator, as app settings do.
/// </summary>
public static class LocalSettingsFile
{
    public const string Argument = "--local-settings";

    /// <summary>The command line without <c>--local-settings path</c>, for the host's own argument parsing.</summary>
    public static string[] WithoutArgument(string[] args)
    {
        var index = Array.IndexOf(args, Argument);
        return index < 0 ? args : [.. args[..index], .. args[Math.Min(index + 2, args.Length)..]];
    }

    public static IConfigurationBuilder AddLocalSettingsFile(this IConfigurationBuilder configuration, string[] args)
    {
        var index = Array.IndexOf(args, Argument);
        if (index < 0 || index + 1 >= args.Length)
        {
            return configuration;
        }

        var path = args[index + 1];
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{Argument}: no such file", path);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var values = document.RootElement.TryGetProperty("Values", out var v) ? v : default;
        var settings = values.ValueKind == JsonValueKind.Object
            ? values.EnumerateObject().ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.ToString())
            : [];
        return configuration.AddInMemoryCollection(settings);
    }
}
