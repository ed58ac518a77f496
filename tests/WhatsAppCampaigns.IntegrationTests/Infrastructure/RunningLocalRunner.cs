using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.LocalRunner;

namespace WhatsAppCampaigns.IntegrationTests.Infrastructure;

/// <summary>The real local runner on a free loopback port, over Azurite with a fresh name prefix.</summary>
public sealed class RunningLocalRunner : IAsyncDisposable
{
    private RunningLocalRunner(WebApplication app, Uri address)
    {
        App = app;
        Http = new HttpClient { BaseAddress = address };
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<RunningLocalRunner> StartAsync(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, string urls = "http://127.0.0.1:0")
    {
        var values = CoreServices.DefaultSettings(TestStorage.NewPrefix());
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var app = LocalRunnerApp.Create(["--urls", urls], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            configure?.Invoke(builder.Services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningLocalRunner(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await TestStorageCleanup.DeleteAllAsync(Get<Core.Storage.StorageClients>());
        await TestStorageCleanup.DeleteTaskHubAsync(App.Services);
        await App.DisposeAsync();
    }
}
