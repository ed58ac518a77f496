using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.Core;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.CloudApiSimulator;
using WhatsAppCampaigns.FunctionsHost;

namespace WhatsAppCampaigns.FunctionsHost.Tests;

/// <summary>
/// The Functions app's real build output, started once for the tests that share it by the test host, with the Cloud API
/// simulator as Graph and Azurite as storage. Storage names are the production ones (no prefix), because the triggers'
/// queue names are fixed at build time: each run uses a fresh task hub and fresh phone numbers, and deletes what it made.
/// </summary>
public sealed class FunctionsApp : IAsyncLifetime
{
    public const string AppSecret = "functions-host-app-secret";
    public const string VerifyToken = "functions-host-verify-token";

    private FunctionsTestHost? _host;
    private CloudApiSimulatorHost? _simulator;
    private LocalRunnerReference? _reference;

    public FunctionsTestHost Host => _host ?? throw new InvalidOperationException("Not started");

    public CloudApiSimulatorHost Simulator => _simulator ?? throw new InvalidOperationException("Not started");

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The local runner with the same settings, started on first use: the answers the Functions app must match.</summary>
    public async Task<HttpClient> ReferenceAsync() => (_reference ??= await LocalRunnerReference.StartAsync(Settings)).Http;

    public static string StorageConnectionString =>
        Environment.GetEnvironmentVariable("TEST_STORAGE_CONNECTION_STRING") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("TEST_STORAGE_CONNECTION_STRING is not set: run the tests with scripts/test.sh, which starts Azurite and sets it.");

    public IReadOnlyDictionary<string, string?> Settings { get; private set; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        _simulator = await CloudApiSimulatorHost.StartAsync(new CloudApiSimulatorOptions { AccessToken = "functions-host-token", AppSecret = AppSecret, Seed = 11 });
        Settings = AppSettings(_simulator);
        _host = await FunctionsTestHost.StartAsync(new FunctionsTestHostOptions { AppDirectory = AppDirectory(), Settings = Settings });
        Http = _host.CreateHttpClient();
    }

    /// <summary>What the app needs in Azure's app settings (see infra/), pointed at Azurite and the simulator.</summary>
    public static Dictionary<string, string?> AppSettings(CloudApiSimulatorHost simulator) => new()
    {
        ["AzureWebJobsStorage"] = StorageConnectionString,
        ["Storage__ConnectionString"] = StorageConnectionString,
        ["DurableTaskHubName"] = "fh" + Guid.NewGuid().ToString("N")[..10],
        ["WhatsApp__GraphBaseUrl"] = simulator.BaseUrl.ToString(),
        ["WhatsApp__ApiVersion"] = "v24.0",
        ["WhatsApp__BusinessAccountId"] = simulator.Options.WabaId,
        ["WhatsApp__BusinessPortfolioId"] = "506914307656634",
        ["WhatsApp__PhoneNumberIds__0"] = simulator.PhoneNumber.Id,
        ["WhatsApp__AccessToken"] = simulator.Options.AccessToken,
        ["WhatsApp__AppSecret"] = AppSecret,
        ["WhatsApp__WebhookVerifyToken"] = VerifyToken,
        ["CartReminders__Schedule"] = "0 * * * * *",
        // A portfolio past its first tiers: the 300-recipient campaign is about delivery, not the limit.
        ["Account__MessagingLimit"] = "10000",
        // One reminder, due a second after a cart is updated, so that the timer test need not wait an hour.
        ["CartReminders__Steps__0__Delay"] = "00:00:01",
        ["CartReminders__Steps__0__Template"] = "cart_reminder",
    };

    /// <summary>src/WhatsAppCampaigns.Functions/bin/{Configuration}/{TargetFramework}: what a deployment ships.</summary>
    public static string AppDirectory()
    {
        var assembly = typeof(FunctionsApp).Assembly;
        string Meta(string key) => assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Functions.sln not found"), "src", "WhatsAppCampaigns.Functions", "bin", Meta("Configuration"), Meta("TargetFramework"));
        return File.Exists(Path.Combine(path, "worker.config.json")) ? path : throw new FileNotFoundException("Build the Functions app first", path);
    }

    /// <summary>The tables and queues the app made, found by the core's own names for them.</summary>
    private async Task DeleteAppStorageAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Settings.Select(kv => KeyValuePair.Create(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)))
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddCampaignCore(configuration);
        await using var provider = services.BuildServiceProvider();
        await StorageCleanup.DeleteAllAsync(provider.GetRequiredService<StorageClients>());
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_reference is not null)
        {
            await _reference.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
            await DeleteAppStorageAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FunctionsAppCollection : ICollectionFixture<FunctionsApp>
{
    public const string Name = "Functions app";
}
