namespace WhatsAppCampaigns.FunctionsHost;

public sealed class FunctionsTestHostOptions
{
    /// <summary>The app's build output: the folder with <c>worker.config.json</c>, <c>functions.metadata</c> and <c>host.json</c>.</summary>
    public required string AppDirectory { get; init; }

    /// <summary>App settings, as Azure passes them: environment variables, nested keys with <c>__</c>.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>How long the worker may take to start, index and load; generous, for a busy machine.</summary>
    public TimeSpan StartDeadline { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one invocation may take.</summary>
    public TimeSpan InvocationDeadline { get; init; } = TimeSpan.FromMinutes(1);
}
