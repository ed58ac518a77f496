using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WhatsAppCampaigns.CloudApiSimulator;
using WhatsAppCampaigns.Core.Account;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.CloudApi;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Conversations;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Sending.Throughput;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Templates;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;
using WhatsAppCampaigns.IntegrationTests.Sending.TestDoubles;

namespace WhatsAppCampaigns.IntegrationTests.Sending.Support;

/// <summary>
/// Everything several sender hosts share: storage (one name prefix, so the real message ledger and queue), the clock,
/// Graph, and the contracts other features implement (in memory until they land). Each <see cref="StartHostAsync"/> is one separately built host.
/// </summary>
public sealed class SenderWorld : IAsyncDisposable
{
    public const string Campaign = "spring-sale";
    private readonly List<CoreServices> _hosts = [];

    public SenderWorld(int? limit, DateTimeOffset? now = null)
    {
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        Signals = new InMemoryAccountSignals(limit);
        Graph = new FakeGraph(Clock);
        Queue = new ControlledSendQueue(
            new QueueClient(TestStorage.ConnectionString, $"{Prefix}-{StorageNames.SendsQueueName}", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }),
            Clock);
        Campaigns.Set(Campaign, CampaignState.Running);
    }

    public string Prefix { get; } = TestStorage.NewPrefix();

    public FakeTimeProvider Clock { get; }

    /// <summary>The real table ledger, as the first host built it (every host shares its storage).</summary>
    public IMessageLedger Ledger => _hosts[0].Get<IMessageLedger>();

    public InMemoryConsentLedger Consent { get; } = new();

    public InMemoryContactDirectory Contacts { get; } = new();

    public InMemoryCustomerServiceWindows Windows { get; } = new();

    public InMemoryAccountSignals Signals { get; }

    public InMemoryCampaignControl Campaigns { get; } = new();

    public FakeGraph Graph { get; }

    public ControlledSendQueue Queue { get; }

    public UnthrottledThroughputGate Throughput { get; } = new();

    /// <summary>Quiet hours off unless asked: most tests are about something else.</summary>
    public static SendRequest Request(string recipient, TemplateCategory category = TemplateCategory.Marketing, SendPolicy? policy = null, string campaign = Campaign, string template = "cart_reminder") =>
        new(campaign, recipient, template, template == "cart_reminder" ? "es_MX" : "en_US", category, [TemplateComponent.Body("Ana", "zapatos")], policy ?? new SendPolicy(null, null, 1, TimeSpan.FromHours(24)));

    /// <summary>Numbers in Mexico City's area: +52 55 1000 0000 onwards.</summary>
    public static string Recipient(int i) => $"+52155{10_000_000 + i}";

    /// <param name="simulator">Send through the real Graph client to this simulator instead of <see cref="Graph"/>.</param>
    /// <param name="realConsent">Use the real consent ledger on Azurite instead of <see cref="Consent"/>.</param>
    /// <param name="configure">Last say over the registrations, e.g. to wrap one of them.</param>
    public async Task<CoreServices> StartHostAsync(IDictionary<string, string?>? settings = null, CloudApiSimulatorHost? simulator = null, bool realConsent = false, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>(CoreServices.DefaultSettings(Prefix))
        {
            ["Sender:QuotaBucket"] = "00:05:00",
            ["Sender:SignalCacheTtl"] = "00:00:00",
        };
        if (simulator is not null)
        {
            values["WhatsApp:GraphBaseUrl"] = simulator.BaseUrl.ToString();
            values["WhatsApp:AccessToken"] = simulator.Options.AccessToken;
            values["WhatsApp:PhoneNumberIds:0"] = simulator.PhoneNumber.Id;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var host = await CoreServices.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                if (!realConsent)
                {
                    services.AddSingleton<IConsentLedger>(Consent);
                }

                services.AddSingleton<IContactDirectory>(Contacts);
                services.AddSingleton<ICustomerServiceWindows>(Windows);
                services.AddSingleton<IAccountSignals>(Signals);
                services.AddSingleton<ICampaignControl>(Campaigns);
                services.AddSingleton<ISendQueue>(Queue);
                if (simulator is null)
                {
                    services.AddSingleton<ICloudApiClient>(Graph);
                }

                services.AddSingleton<IThroughputGate>(Throughput);
                configure?.Invoke(services);
            },
            values,
            Clock.GetUtcNow());
        _hosts.Add(host);
        return host;
    }

    public async Task EnqueueAsync(IEnumerable<SendRequest> requests) => await Queue.EnqueueManyAsync(requests.ToArray());

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}
