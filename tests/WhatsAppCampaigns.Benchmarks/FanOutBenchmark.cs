using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WhatsAppCampaigns.Core;
using WhatsAppCampaigns.Core.Audiences;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Templates;
using WhatsAppCampaigns.IntegrationTests.Campaigns;

namespace WhatsAppCampaigns.Benchmarks;

/// <summary>
/// Campaign fan-out on Azurite: the real orchestrator (in-process Durable host), the real tag index, markers and
/// <c>wa-sends</c> queue; consent is an in-memory "everyone opted in". Reports recipients enqueued per second and
/// memory sampled through the run, and checks the queue holds exactly one message per recipient. Each size runs on its
/// own fresh emulator (<see cref="DedicatedAzurite"/>).
/// Usage: <c>fanout [size ...]</c> (default 100000 1000000), with <c>DOTNET_PROCESSOR_COUNT=64</c>. With
/// <c>FANOUT_STORAGE_CONNECTION_STRING</c> set it runs on that storage account instead (results in
/// <c>fanout-account.md</c>), under a fresh name prefix per size, and deletes what it created after each size.
/// </summary>
public sealed class FanOutBenchmark : IBenchmarkCommand
{
    /// <summary>A real storage account to measure on; Azurite's costs grow with what it stores (see results/fanout.md).</summary>
    private static readonly string? Account = Environment.GetEnvironmentVariable("FANOUT_STORAGE_CONNECTION_STRING") is { Length: > 0 } value ? value : null;

    public string Name => "fanout";

    public string Description => "campaign fan-out: recipients enqueued per second and peak memory, per audience size";

    public async Task<int> RunAsync(string[] args)
    {
        var sizes = args.Length == 0 ? [100_000, 1_000_000] : args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var report = new StringBuilder()
            .AppendLine(Account is null ? "# Campaign fan-out on Azurite" : "# Campaign fan-out on a storage account").AppendLine()
            .AppendLine(Account is null ? BenchmarkEnvironment.Describe() : BenchmarkEnvironment.Describe("a storage account")).AppendLine()
            .AppendLine("| recipients | seed (s) | fan-out (s) | recipients/s | generations | queue messages | managed heap peak (MB) | working set peak (MB) | heap at 25/50/75/100 % (MB) | Azurite peak RSS (MB) |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var size in sizes)
        {
            var row = await RunOneAsync(size);
            Console.WriteLine(row);
            report.AppendLine(row);
        }

        var path = BenchmarkEnvironment.ResultPath(Account is null ? "fanout.md" : "fanout-account.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report.ToString());
        Console.WriteLine($"written {path}");
        return 0;
    }

    private static async Task<string> RunOneAsync(int size)
    {
        await using var azurite = Account is null ? await DedicatedAzurite.StartAsync() : null;
        var prefix = "b" + Guid.NewGuid().ToString("N")[..10];
        await using var core = await StartCoreAsync(Account ?? azurite!.ConnectionString, prefix);
        var storage = core.GetRequiredService<StorageClients>();
        try
        {
            return await MeasureAsync(core, storage, size, azurite);
        }
        finally
        {
            if (Account is not null)
            {
                await DeleteAsync(storage);
            }
        }
    }

    private static async Task<string> MeasureAsync(ServiceProvider core, StorageClients storage, int size, DedicatedAzurite? azurite)
    {
        var seed = Stopwatch.StartNew();
        await SeedAsync(storage.Table(TagIndexRows.TableName), size);
        seed.Stop();
        await core.GetRequiredService<ITemplateRegistry>().UpsertAsync(
            new TemplateRecord("bench_sale", "en_US", TemplateCategory.Marketing, "APPROVED", "GREEN", 1, "Hi {{1}}", DateTimeOffset.UtcNow));

        await using var durable = await CampaignDurableHost.StartAsync(core);
        GC.Collect();
        var sampler = new MemorySampler();
        var watch = Stopwatch.StartNew();
        var draft = new CampaignDraft("bench", CampaignKind.Standard, [new CampaignVariant("a", "bench_sale", "en_US")],
            new Segment(AnyOf: ["bench"]).Normalized(), [new ParameterMapping("first_name", "there")], null, SendPolicy.Default, []);
        var launched = await core.GetRequiredService<CampaignLauncher>().LaunchAsync(draft, durable.Client);
        var id = launched.Campaign!.Id;
        var done = await sampler.RunUntilAsync(durable.Client, id, size);
        watch.Stop();

        var status = done.ReadOutputAs<CampaignRunStatus>()!;
        var queued = (await storage.Queue(StorageNames.SendsQueueName).GetPropertiesAsync()).Value.ApproximateMessagesCount;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {size:N0} | {seed.Elapsed.TotalSeconds:F0} | {watch.Elapsed.TotalSeconds:F0} | {status.Totals.Enqueued / watch.Elapsed.TotalSeconds:F0} | {status.Generation + 1} | {queued:N0} | {sampler.PeakHeapMb:F0} | {sampler.PeakWorkingSetMb:F0} | {string.Join(" / ", sampler.Quartiles.Select(q => q.ToString("F0", CultureInfo.InvariantCulture)))} | {(azurite?.PeakResidentMb is { } rss ? rss.ToString("F0", CultureInfo.InvariantCulture) : "–")} |");
    }

    /// <summary>Everything one size created on a storage account: its prefixed tables, queues and containers.</summary>
    private static async Task DeleteAsync(StorageClients storage)
    {
        await Task.WhenAll(storage.Names.AllTables(storage.TableNames).Select(t => storage.Tables.DeleteTableAsync(t)));
        await Task.WhenAll(storage.Names.AllQueues.Select(q => storage.Queues.GetQueueClient(q).DeleteIfExistsAsync()));
        await Task.WhenAll(storage.Names.AllContainers.Select(c => storage.Blobs.GetBlobContainerClient(c).DeleteIfExistsAsync()));
    }

    private static async Task<ServiceProvider> StartCoreAsync(string connectionString, string prefix)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:NamePrefix"] = prefix,
            ["WhatsApp:GraphBaseUrl"] = "http://127.0.0.1:9/",
            ["WhatsApp:BusinessAccountId"] = "1",
            ["WhatsApp:BusinessPortfolioId"] = "1",
            ["WhatsApp:PhoneNumberIds:0"] = "1",
            ["WhatsApp:AccessToken"] = "bench",
            ["WhatsApp:AppSecret"] = "bench",
            ["WhatsApp:WebhookVerifyToken"] = "bench",
            ["Campaigns:PageSize"] = "1000",
            ["Campaigns:PagesPerGeneration"] = "20",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCampaignCore(configuration);
        services.AddSingleton<IConsentLedger, EveryoneOptedIn>();
        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>().OfType<StorageInitializer>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return provider;
    }

    /// <summary>Only the audience's tag partition: the benchmark measures the fan-out, not a contact import.</summary>
    private static async Task SeedAsync(TableClient table, int size)
    {
        var batches = Enumerable.Range(0, (size + 99) / 100);
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (b, ct) =>
        {
            var rows = Enumerable.Range(b * 100, Math.Min(100, size - (b * 100))).Select(i => TagIndexRows.ToEntity("bench",
                new Contact($"+52{i:D10}", "MX", null, null, ["bench"], new Dictionary<string, string> { ["first_name"] = "Ana" }, DateTimeOffset.UnixEpoch),
                ["bench"]));
            await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
        });
    }

    private sealed class EveryoneOptedIn : IConsentLedger
    {
        public Task<ConsentState> GetAsync(string phone, ConsentScope scope, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ConsentState(scope, ConsentStatus.OptedIn, DateTimeOffset.UnixEpoch, "bench"));

        public Task RecordAsync(string phone, ConsentChange change, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
