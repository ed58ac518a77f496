using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Webhooks;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;
using WhatsAppCampaigns.LocalRunner;

namespace WhatsAppCampaigns.Benchmarks;

/// <summary>
/// The hostile-input fuzz at full size against the running local runner, then a backlog drain. Fails (exit 1) unless
/// the fuzz gets no 5xx, no unauthentic body changes anything, nothing is poisoned, and a valid STOP posted when the
/// fuzz ends is applied within 5 s. The drain of a mixed backlog is measured against a backlog of clean statuses
/// drained in the same run (the baseline).
/// </summary>
public sealed class WebhookFuzzBenchmark : IBenchmarkCommand
{
    private const string Campaign = "c-fuzz";
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(5);

    public string Name => "webhook-fuzz";

    public string Description => "webhook fuzz, STOP latency and backlog drain (args: [bodies=10000] [backlog=3000] [concurrency=16])";

    public async Task<int> RunAsync(string[] args)
    {
        var bodies = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var backlog = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3_000;
        var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
        var victims = Enumerable.Range(0, 20).Select(i => $"+5255120{i:D5}").ToArray();
        var report = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"# webhook fuzz ({BenchmarkEnvironment.Describe()})");
        var failures = new List<string>();

        await using (var app = Create())
        {
            await app.StartAsync();
            using var http = Client(app);
            await WebhookFuzzRun.SeedVictimsAsync(app.Services, victims, Campaign);
            const string stopper = "+525512099999";
            await WebhookFuzzRun.OptInAsync(app.Services, stopper);
            var requests = WebhookFuzz.Generate(bodies, seed: 18, victims, Campaign).ToArray();

            var clock = Stopwatch.StartNew();
            var answers = await WebhookFuzzRun.PostAllAsync(http, requests, concurrency);
            var posted = clock.Elapsed;

            // The STOP goes in the moment the fuzz ends: the status lane still holds the fuzz's backlog.
            var stopClock = Stopwatch.StartNew();
            await WebhookFuzzRun.PostStopAsync(http, stopper);
            var consent = app.Services.GetRequiredService<IConsentLedger>();
            await WebhookFuzzRun.WaitAsync(async () => (await consent.GetAsync(stopper, ConsentScope.Marketing)).Status == ConsentStatus.OptedOut, TimeSpan.FromMinutes(10), "STOP applied");
            var stopLatency = stopClock.Elapsed;

            var storage = app.Services.GetRequiredService<StorageClients>();
            await WebhookFuzzRun.WaitAsync(() => WebhookFuzzRun.QueuesEmptyAsync(storage), TimeSpan.FromMinutes(30), "queues drained");
            var drained = clock.Elapsed;
            var poisoned = await WebhookFuzzRun.PoisonedAsync(storage);
            var stats = app.Services.GetRequiredService<WebhookProcessingStats>();

            var byCode = answers.GroupBy(a => (int)a).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
            var serverErrors = answers.Count(a => (int)a >= 500);
            var unexpected = requests.Zip(answers).Count(p => !WebhookFuzz.IsExpected(p.First, p.Second));
            var unauthentic = requests.Count(r => !r.Authentic);
            report.AppendLine(CultureInfo.InvariantCulture, $"fuzz: {bodies} bodies ({unauthentic} unsigned/tampered/wrong secret/bad header, {bodies - unauthentic} signed), concurrency {concurrency}, posted in {posted.TotalSeconds:F1} s")
                .AppendLine(CultureInfo.InvariantCulture, $"answers: {string.Join(", ", byCode)}; 5xx {serverErrors}; not as expected {unexpected}")
                .AppendLine(CultureInfo.InvariantCulture, $"processing: {stats.Payloads} payloads, {stats.Dropped} malformed parts dropped, {poisoned} poisoned; both lanes empty {(drained - posted).TotalSeconds:F1} s after the fuzz ended")
                .AppendLine(CultureInfo.InvariantCulture, $"STOP posted when the fuzz ended: applied after {stopLatency.TotalSeconds:F2} s (limit {StopDeadline.TotalSeconds:F0} s)")
                .AppendLine("dropped by reason: " + string.Join(", ", stats.DroppedByReason.OrderByDescending(p => p.Value).Take(12).Select(p => $"{p.Key} {p.Value}")));
            try
            {
                await WebhookFuzzRun.AssertVictimsUntouchedAsync(app.Services, victims, Campaign);
                report.AppendLine(CultureInfo.InvariantCulture, $"state changes from unauthentic bodies: 0 ({victims.Length} victims still opted in, their campaign's funnel at 0)");
            }
            catch (InvalidOperationException ex)
            {
                failures.Add(ex.Message);
            }

            if (serverErrors > 0 || unexpected > 0)
            {
                failures.Add($"{serverErrors} 5xx, {unexpected} unexpected answers");
            }

            if (poisoned > 0)
            {
                failures.Add($"{poisoned} poisoned");
            }

            if (stopLatency > StopDeadline)
            {
                failures.Add($"STOP took {stopLatency.TotalSeconds:F2} s");
            }

            await app.StopAsync();
        }

        // The fuzz's numbers first: the drains below take long on a loaded machine.
        Console.Write(report);
        report.Clear();
        var clean = await DrainAsync(backlog, mixed: false);
        var mixed = await DrainAsync(backlog, mixed: true);
        report.AppendLine(CultureInfo.InvariantCulture, $"backlog drain, baseline (clean statuses): {backlog} payloads in {clean.TotalSeconds:F1} s, {backlog / clean.TotalSeconds:F0} payloads/s")
            .AppendLine(CultureInfo.InvariantCulture, $"backlog drain, mixed (fuzz's signed bodies and consent): {backlog} payloads in {mixed.TotalSeconds:F1} s, {backlog / mixed.TotalSeconds:F0} payloads/s")
            .AppendLine(CultureInfo.InvariantCulture, $"mixed / baseline time: {mixed / clean:F2}");
        foreach (var failure in failures)
        {
            report.AppendLine("FAILED: " + failure);
        }

        Console.Write(report);
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// Queues <paramref name="count"/> signed payloads before the runner's pumps start, then times the pumps until both
    /// lanes are empty.
    /// </summary>
    private static async Task<TimeSpan> DrainAsync(int count, bool mixed)
    {
        await using var app = Create();
        var storage = app.Services.GetRequiredService<StorageClients>();
        await storage.Queue(StorageNames.WebhooksQueueName).CreateIfNotExistsAsync();
        await storage.Queue(StorageNames.ConsentWebhooksQueueName).CreateIfNotExistsAsync();
        await storage.Blobs.GetBlobContainerClient(storage.Names.WebhookPayloadsContainer).CreateIfNotExistsAsync();
        var receiver = app.Services.GetRequiredService<WebhookReceiver>();
        var victims = new[] { "+525512088888" };
        var bodies = mixed
            ? WebhookFuzz.Generate(count * 3, seed: 7, victims, Campaign).Where(r => r.Authentic && r.Body.Length < 1024 * 1024).Take(count).Select(r => r.Body).ToArray()
            : Enumerable.Range(0, count).Select(i => WebhookPayloads.Bytes(WebhookPayloads.Statuses(WebhookPayloads.Status("c-clean", $"+52155{i:D8}", "delivered", 1_772_460_000)))).ToArray();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (body, ct) =>
            await receiver.AcceptAsync(body, WebhookPayloads.Sign(body), ct));

        var clock = Stopwatch.StartNew();
        await app.StartAsync();
        await WebhookFuzzRun.WaitAsync(() => WebhookFuzzRun.QueuesEmptyAsync(storage), TimeSpan.FromMinutes(30), "backlog drained");
        var elapsed = clock.Elapsed;
        await app.StopAsync();
        return elapsed;
    }

    private static WebApplication Create() => LocalRunnerApp.Create(["--urls", "http://127.0.0.1:0"], builder =>
    {
        builder.Configuration.AddInMemoryCollection(WebhookPostBenchmark.Settings(WebhookPayloads.AppSecret));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // Each dropped part is logged at Warning; a fuzz drops thousands.
        builder.Logging.AddFilter(typeof(WebhookProcessingStats).FullName, LogLevel.Error);
    });

    private static HttpClient Client(WebApplication app) =>
        new() { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
}
