using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WhatsAppCampaigns.Core.Audiences;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Templates;
using WhatsAppCampaigns.IntegrationTests.Campaigns.TestDoubles;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Campaigns;

/// <summary>
/// The real core on Azurite (templates, tag index, campaigns, markers) and the real orchestrator under the in-process
/// Durable Task host, and the real message ledger; consent, account signals and the queue are in-memory doubles.
/// </summary>
public sealed class CampaignHarness : IAsyncDisposable
{
    public const string Template = "spring_sale";
    public const string UtilityTemplate = "marketing_notice";

    private CampaignHarness(CoreServices core, DurableTaskTestHost durable, RecordingSendQueue queue)
    {
        Core = core;
        Durable = durable;
        Queue = queue;
        _control = new ControlQueuePump(core.Get<StorageClients>(), core.Get<CampaignSignalProcessor>(), durable.Client);
    }

    private readonly ControlQueuePump _control;

    public CoreServices Core { get; }

    public DurableTaskTestHost Durable { get; }

    public DurableTaskClient Client => Durable.Client;

    public RecordingSendQueue Queue { get; }

    public IConsentLedger Consent => Core.Get<IConsentLedger>();

    public Task OptInAsync(string phone, ConsentScope scope) =>
        Consent.RecordAsync(phone, new ConsentChange(scope, ConsentStatus.OptedIn, "checkout_checkbox", DateTimeOffset.UnixEpoch, "Yes, send me offers by WhatsApp"));

    public Task OptOutAsync(string phone, ConsentScope scope) =>
        Consent.RecordAsync(phone, new ConsentChange(scope, ConsentStatus.OptedOut, "support_agent", DateTimeOffset.UnixEpoch.AddDays(1)));

    public IMessageLedger Ledger => Core.Get<IMessageLedger>();

    /// <param name="inMemoryConsent">Replace the real consent ledger (only for volume tests of the fan-out itself).</param>
    public static async Task<CampaignHarness> StartAsync(RecordingSendQueue? queue = null, int pageSize = 500, int pagesPerGeneration = 5, bool inMemoryConsent = false)
    {
        queue ??= new RecordingSendQueue();
        var core = await CoreServices.StartAsync(
            services =>
            {
                services.Replace(ServiceDescriptor.Singleton<ISendQueue>(queue));
                if (inMemoryConsent)
                {
                    services.Replace(ServiceDescriptor.Singleton<IConsentLedger>(new InMemoryConsentLedger()));
                }
            },
            new Dictionary<string, string?>
            {
                ["Campaigns:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Campaigns:PagesPerGeneration"] = pagesPerGeneration.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        var durable = await CampaignDurableHost.StartAsync(core.Provider);
        var harness = new CampaignHarness(core, durable, queue);
        await harness.RegisterTemplateAsync(Template, TemplateCategory.Marketing);
        await harness.RegisterTemplateAsync(UtilityTemplate, TemplateCategory.Utility);
        return harness;
    }

    public Task RegisterTemplateAsync(string name, TemplateCategory category, string status = "APPROVED", int parameters = 1) =>
        Core.Get<ITemplateRegistry>().UpsertAsync(new TemplateRecord(name, "en_US", category, status, "GREEN", parameters, "Hi {{1}}", DateTimeOffset.UnixEpoch));

    /// <summary>Contacts +5215500000000.. tagged <paramref name="tag"/> in <paramref name="country"/>, opted in to marketing unless told otherwise.</summary>
    /// <param name="numberPrefix">
    /// Followed by 8 digits. The default is Mexico's old mobile form (+52 1 …); inbound WhatsApp ids are normalised to the
    /// form without the 1, so a test whose contacts reply by webhook uses <c>+5255</c>.
    /// </param>
    public async Task<string[]> SeedContactsAsync(int count, string tag = "vip", string country = "MX", int offset = 0, bool marketingConsent = true, bool withName = true, string numberPrefix = "+52155")
    {
        var contacts = Enumerable.Range(offset, count).Select(i => new Contact(
            $"{numberPrefix}{i:D8}", country, null, "es_MX", [tag],
            withName ? new Dictionary<string, string> { ["first_name"] = $"Ana{i}" } : new Dictionary<string, string>(),
            DateTimeOffset.UnixEpoch)).ToArray();
        await Core.Get<TableTagIndex>().IndexManyAsync(contacts);
        if (marketingConsent)
        {
            await Parallel.ForEachAsync(contacts, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (contact, _) =>
                await OptInAsync(contact.Phone, ConsentScope.Marketing));
        }

        return contacts.Select(c => c.Phone).ToArray();
    }

    public static CampaignDraft Draft(string tag = "vip", DateTimeOffset? startAt = null, CampaignKind kind = CampaignKind.Standard, string template = Template, IReadOnlyList<string>? countries = null) => new(
        "test campaign",
        kind,
        [new CampaignVariant("a", template, "en_US")],
        new Segment(AnyOf: [tag], Countries: countries).Normalized(),
        [new ParameterMapping("first_name")],
        startAt,
        SendPolicy.Default,
        []);

    public async Task<string> LaunchAsync(CampaignDraft draft)
    {
        var result = await Core.Get<CampaignLauncher>().LaunchAsync(draft, Client);
        Assert.True(result.Campaign is not null, string.Join("; ", result.Violations.Select(v => v.Code)));
        return result.Campaign!.Id;
    }

    /// <summary>The orchestration's end, within a deadline meant for a loaded machine (a quiet one takes seconds).</summary>
    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string campaignId, int seconds = 600)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await Client.WaitForInstanceCompletionAsync(campaignId, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>Polls the custom status until <paramref name="done"/> holds.</summary>
    public async Task<CampaignRunStatus> WaitForStatusAsync(string campaignId, Func<CampaignRunStatus, bool> done, int seconds = 600)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var instance = await Client.GetInstanceAsync(campaignId, getInputsAndOutputs: true);
            var status = instance?.SerializedCustomStatus is { Length: > 0 } ? instance.ReadCustomStatusAs<CampaignRunStatus>() : null;
            if (status is not null && done(status))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < until, $"Status not reached; last: {instance?.SerializedCustomStatus}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _control.DisposeAsync();
        await Durable.DisposeAsync();
        await Core.DisposeAsync();
    }
}
