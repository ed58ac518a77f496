using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using WhatsAppCampaigns.Core;
using WhatsAppCampaigns.Core.Carts;
using WhatsAppCampaigns.Core.Journeys;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Benchmarks;

/// <summary>
/// The reminder timer with many carts waiting: one run over <c>total</c> carts of which <c>due</c> are due, against the
/// baseline of reading every cart once (what a timer without the due-time index would do), both on the same fresh
/// Azurite in the same run. Usage: <c>carts-due [total] [due]</c> (default 100000 500).
/// </summary>
public sealed class CartDueBenchmark : IBenchmarkCommand
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    public string Name => "carts-due";

    public string Description => "reminder timer run over many waiting carts: rows read and time, against a full read of the carts";

    public async Task<int> RunAsync(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var due = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        await using var azurite = await DedicatedAzurite.StartAsync();
        await using var core = await StartCoreAsync(azurite.ConnectionString);
        var watch = Stopwatch.StartNew();
        await core.GetRequiredService<CartStore>().SaveManyAsync(Enumerable.Range(0, total).Select(i => new CartState(
            $"bulk-{i}", $"+525530{i:D6}", "Ana", [new CartItem("Mochila", 1, 20m)], "MXN", 20m, null, "es_MX",
            UpdatedAt: T0, Sequence: 0, NextStep: 0,
            NextDueAt: i < due ? T0.AddMinutes(-i % 30) : T0.AddHours(1).AddMinutes(i % 1_000),
            Status: CartStatus.Open)), default);
        var seeded = watch.Elapsed;

        watch.Restart();
        var run = await core.GetRequiredService<CartReminderJob>().RunOnceAsync(default);
        var runTime = watch.Elapsed;

        watch.Restart();
        var scanned = 0;
        var carts = core.GetRequiredService<StorageClients>().Table(JourneyStore.TableName);
        await foreach (var _ in carts.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            scanned++;
        }

        var scanTime = watch.Elapsed;
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# reminder timer over waiting carts ({BenchmarkEnvironment.Describe()})")
            .AppendLine(CultureInfo.InvariantCulture, $"carts {total}, due {due}, seeded in {seeded.TotalSeconds:F1} s")
            .AppendLine(CultureInfo.InvariantCulture, $"timer run: {run.DueRead} due rows and {run.SubjectsRead} carts read, {run.Enqueued} enqueued, in {runTime.TotalSeconds:F2} s")
            .AppendLine(CultureInfo.InvariantCulture, $"baseline, reading every cart once: {scanned} rows in {scanTime.TotalSeconds:F2} s")
            .AppendLine(CultureInfo.InvariantCulture, $"run / baseline: rows {(double)run.SubjectsRead / Math.Max(1, scanned):F4}, time {runTime / scanTime:F3}")
            .ToString();
        Console.Write(report);
        return run.DueRead == due && run.SubjectsRead == due ? 0 : 1;
    }

    private static async Task<ServiceProvider> StartCoreAsync(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["WhatsApp:GraphBaseUrl"] = "http://127.0.0.1:9/",
            ["WhatsApp:BusinessAccountId"] = "1",
            ["WhatsApp:BusinessPortfolioId"] = "1",
            ["WhatsApp:PhoneNumberIds:0"] = "1",
            ["WhatsApp:AccessToken"] = "bench",
            ["WhatsApp:AppSecret"] = "bench",
            ["WhatsApp:WebhookVerifyToken"] = "bench",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(T0));
        services.AddCampaignCore(configuration);
        services.AddSingleton<IConsentLedger, EveryoneOptedIn>();
        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>().OfType<StorageInitializer>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return provider;
    }

    private sealed class EveryoneOptedIn : IConsentLedger
    {
        public Task<ConsentState> GetAsync(string phone, ConsentScope scope, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ConsentState(scope, ConsentStatus.OptedIn, DateTimeOffset.UnixEpoch, "bench"));

        public Task RecordAsync(string phone, ConsentChange change, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
