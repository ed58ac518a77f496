using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WhatsAppCampaigns.CloudApiSimulator;
using WhatsAppCampaigns.Core;
using WhatsAppCampaigns.Core.Account;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Conversations;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.IntegrationTests.Sending.TestDoubles;

namespace WhatsAppCampaigns.Benchmarks.Sending;

/// <summary>One sender host on Azurite and the simulator, with the real clock, ledger, queue and gates.</summary>
public sealed class SenderBenchHost : IAsyncDisposable
{
    public const string Campaign = "bench";

    private SenderBenchHost(StoragePipelinePolicies policies)
    {
        policies.Tables.Add(TableRequests);
        policies.Queues.Add(QueueRequests);
    }

    public ServiceProvider Provider { get; private set; } = null!;

    public RequestCounter TableRequests { get; } = new();

    public RequestCounter QueueRequests { get; } = new();

    public InMemoryConsentLedger Consent { get; } = new();

    public StorageClients Storage => Provider.GetRequiredService<StorageClients>();

    public static async Task<SenderBenchHost> StartAsync(string connectionString, CloudApiSimulatorHost simulator, int? limit, int messagesPerSecond)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:NamePrefix"] = "b" + Guid.NewGuid().ToString("N")[..11],
            ["WhatsApp:GraphBaseUrl"] = simulator.BaseUrl.ToString(),
            ["WhatsApp:AccessToken"] = simulator.Options.AccessToken,
            ["WhatsApp:BusinessAccountId"] = simulator.Options.WabaId,
            ["WhatsApp:BusinessPortfolioId"] = "506914307656634",
            ["WhatsApp:PhoneNumberIds:0"] = simulator.PhoneNumber.Id,
            ["WhatsApp:AppSecret"] = simulator.Options.AppSecret,
            ["WhatsApp:WebhookVerifyToken"] = simulator.Options.VerifyToken,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var policies = new StoragePipelinePolicies();
        var host = new SenderBenchHost(policies);
        var campaigns = new InMemoryCampaignControl();
        campaigns.Set(Campaign, CampaignState.Running);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(TimeProvider.System);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(policies);
        services.AddCampaignCore(configuration);
        services.AddSingleton<ICampaignControl>(campaigns);
        services.AddSingleton<IConsentLedger>(host.Consent);
        services.AddSingleton<IContactDirectory>(new InMemoryContactDirectory());
        services.AddSingleton<ICustomerServiceWindows>(new InMemoryCustomerServiceWindows());
        services.AddSingleton<IAccountSignals>(new InMemoryAccountSignals(limit, messagesPerSecond));
        host.Provider = services.BuildServiceProvider();
        foreach (var hosted in host.Provider.GetServices<IHostedService>().OfType<StorageInitializer>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return host;
    }

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
