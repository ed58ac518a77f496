using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.Webhooks;
using WhatsAppCampaigns.LocalRunner;

namespace WhatsAppCampaigns.Benchmarks;

/// <summary>
/// Webhook POST throughput and latency on the running local runner (loopback, Azurite), signature check included:
/// N signed status payloads at a given concurrency, after a warm-up.
/// </summary>
public sealed class WebhookPostBenchmark : IBenchmarkCommand
{
    private const string AppSecret = "bench-app-secret";

    public string Name => "webhook-post";

    public string Description => "webhook POST throughput, p50/p99 (args: [requests=5000] [concurrency=16])";

    public async Task<int> RunAsync(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;

        await using var app = LocalRunnerApp.Create(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(Settings());
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        await PostAllAsync(http, Payloads(200, "warmup"), concurrency);
        var payloads = Payloads(requests, "bench");
        var clock = Stopwatch.StartNew();
        var latencies = await PostAllAsync(http, payloads, concurrency);
        clock.Stop();

        Array.Sort(latencies);
        Console.WriteLine($"# webhook POST ({BenchmarkEnvironment.Describe()})");
        Console.WriteLine($"requests {requests}, concurrency {concurrency}, body {payloads[0].Body.Length} bytes, one status per payload");
        Console.WriteLine($"throughput {requests / clock.Elapsed.TotalSeconds:F0} req/s over {clock.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"latency p50 {Percentile(latencies, 0.50):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms, max {latencies[^1]:F2} ms");
        await app.StopAsync();
        return 0;
    }

    private static async Task<double[]> PostAllAsync(HttpClient http, (byte[] Body, string Signature)[] payloads, int concurrency)
    {
        var latencies = new double[payloads.Length];
        var failures = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, payloads.Length), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            using var content = new ByteArrayContent(payloads[i].Body);
            content.Headers.ContentType = new("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/whatsapp") { Content = content };
            request.Headers.Add(WebhookSignature.HeaderName, payloads[i].Signature);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, ct);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });
        return failures == 0 ? latencies : throw new InvalidOperationException($"{failures} requests failed");
    }

    private static (byte[] Body, string Signature)[] Payloads(int count, string campaign) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var recipient = $"52155{i:D8}";
            var json = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\",\"value\":{" +
                "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"106540352242922\"}," +
                $"\"statuses\":[{{\"id\":\"wamid.{campaign}{i}\",\"status\":\"delivered\",\"timestamp\":\"1772460000\",\"recipient_id\":\"{recipient}\"," +
                $"\"biz_opaque_callback_data\":\"{campaign}|+{recipient}\",\"pricing\":{{\"billable\":true,\"pricing_model\":\"PMP\",\"category\":\"marketing\"}}}}]}}}}]}}]}}";
            var body = Encoding.UTF8.GetBytes(json);
            return (body, WebhookSignature.Compute(body, AppSecret));
        }).ToArray();

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>The local runner's settings for a webhook benchmark: Azurite with a fresh prefix, Graph unreachable.</summary>
    internal static Dictionary<string, string?> Settings(string appSecret = AppSecret) => new()
    {
        ["Storage:ConnectionString"] = BenchmarkEnvironment.StorageConnectionString,
        ["Storage:NamePrefix"] = "b" + Guid.NewGuid().ToString("N")[..11],
        ["WhatsApp:GraphBaseUrl"] = "http://127.0.0.1:9/",
        ["WhatsApp:BusinessAccountId"] = "102290129340398",
        ["WhatsApp:BusinessPortfolioId"] = "506914307656634",
        ["WhatsApp:PhoneNumberIds:0"] = "106540352242922",
        ["WhatsApp:AccessToken"] = "bench-token",
        ["WhatsApp:AppSecret"] = appSecret,
        ["WhatsApp:WebhookVerifyToken"] = "bench-verify-token",
    };
}
