using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.LocalRunner;

namespace WhatsAppCampaigns.FunctionsHost.Tests;

/// <summary>
/// The local runner with the Functions app's settings, on its own storage names (a prefix) so that its queue listeners
/// never take the Functions app's messages: the answers the Functions app must give.
/// </summary>
public sealed class LocalRunnerReference : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalRunnerReference(WebApplication app, Uri address)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = address };
    }

    public HttpClient Http { get; }

    public static async Task<LocalRunnerReference> StartAsync(IReadOnlyDictionary<string, string?> functionsSettings)
    {
        var values = functionsSettings.ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => kv.Value);
        values["Storage:NamePrefix"] = "r" + Guid.NewGuid().ToString("N")[..11];
        var app = LocalRunnerApp.Create(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(values));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalRunnerReference(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await StorageCleanup.DeleteAllAsync(_app.Services.GetRequiredService<Core.Storage.StorageClients>());
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
