using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using WhatsAppCampaigns.Core;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.IntegrationTests.Infrastructure;

/// <summary>
/// The core as the hosts register it, on Azurite with a per-test prefix and (optionally) a fake clock.
/// Dispose it at the end of the test.
/// </summary>
public sealed class CoreServices : IAsyncDisposable
{
    private CoreServices(ServiceProvider provider, string prefix, FakeTimeProvider clock)
    {
        Provider = provider;
        Prefix = prefix;
        Clock = clock;
    }

    public ServiceProvider Provider { get; }

    public string Prefix { get; }

    public FakeTimeProvider Clock { get; }

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    public static async Task<CoreServices> StartAsync(
        Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null,
        DateTimeOffset? now = null)
    {
        var prefix = TestStorage.NewPrefix();
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        var values = new Dictionary<string, string?>(DefaultSettings(prefix));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCampaignCore(configuration);
        configure?.Invoke(services);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        foreach (var hosted in provider.GetServices<IHostedService>().OfType<StorageInitializer>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new CoreServices(provider, prefix, clock);
    }

    public static Dictionary<string, string?> DefaultSettings(string prefix) => new()
    {
        ["Storage:ConnectionString"] = TestStorage.ConnectionString,
        ["Storage:NamePrefix"] = prefix,
        ["WhatsApp:GraphBaseUrl"] = "http://127.0.0.1:9/",
        ["WhatsApp:ApiVersion"] = "v24.0",
        ["WhatsApp:BusinessAccountId"] = "102290129340398",
        ["WhatsApp:BusinessPortfolioId"] = "506914307656634",
        ["WhatsApp:PhoneNumberIds:0"] = "106540352242922",
        ["WhatsApp:AccessToken"] = "test-token",
        ["WhatsApp:AppSecret"] = "test-app-secret",
        ["WhatsApp:WebhookVerifyToken"] = "test-verify-token",
        ["WhatsApp:RetryBaseDelay"] = "00:00:00.010",
    };

    public async ValueTask DisposeAsync()
    {
        await TestStorageCleanup.DeleteAllAsync(Get<StorageClients>());
        await Provider.DisposeAsync();
    }
}
