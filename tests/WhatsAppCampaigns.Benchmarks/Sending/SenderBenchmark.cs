using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.CloudApiSimulator;
using WhatsAppCampaigns.Core.CloudApi;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Sending.Throughput;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Benchmarks.Sending;

/// <summary>
/// The senders on Azurite and the simulator: (1) pipeline throughput against a receive-and-delete baseline on the
/// same queue, with storage transactions per message counted in the SDK pipeline; (2) the send rate achieved
/// against a number's configured throughput, and the share of 130429 answers.
/// </summary>
public sealed class SenderBenchmark : IBenchmarkCommand
{
    private const int Loops = 16;

    /// <summary>
    /// Enough concurrent sends that the pipeline's latency on a small machine (up to ~0.5 s a message) does not cap the
    /// rate below the limit, and not so many that most of them only wait for the gate and bounce.
    /// </summary>
    private static int RateLoops(int rate) => Math.Clamp(rate / 2, 8, 64);

    public string Name => "sender";

    public string Description => "send pipeline msgs/s vs receive+delete, table transactions/message, achieved rate vs per-number throughput [messages=2000] [rateMessages=800] [rates=20,40,80]";

    public async Task<int> RunAsync(string[] args)
    {
        var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var rateMessages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 800;
        var rates = (args.Length > 2 ? args[2] : "20,40,80").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var report = new StringBuilder().AppendLine("# Sender benchmark").AppendLine().AppendLine(BenchmarkEnvironment.Describe()).AppendLine();
        await using var azurite = await DedicatedAzurite.StartAsync();

        // 1. Pipeline throughput: Graph and the number's rate out of the way (the simulator at 100,000/s).
        await using (var simulator = await CloudApiSimulatorHost.StartAsync(new CloudApiSimulatorOptions { Seed = 1, Limits = new SimulatorLimits { ThroughputPerSecond = 100_000 } }))
        await using (var host = await SenderBenchHost.StartAsync(azurite.ConnectionString, simulator, limit: 100_000, messagesPerSecond: 100_000))
        {
            var queue = host.Storage.Queue(StorageNames.SendsQueueName);
            var sendQueue = host.Provider.GetRequiredService<ISendQueue>();
            await sendQueue.EnqueueManyAsync(Requests(host, "base", messages));
            var baseline = await DrainAsync(queue, delivery => Task.CompletedTask);

            await sendQueue.EnqueueManyAsync(Requests(host, "pipe", messages));
            host.TableRequests.Reset();
            host.QueueRequests.Reset();
            var processor = host.Provider.GetRequiredService<SendProcessor>();
            var pipeline = await DrainAsync(queue, delivery => processor.ProcessAsync(delivery, CancellationToken.None));
            var sent = simulator.Ledger.Count;
            report.AppendLine($"## Pipeline throughput ({messages} messages, {Loops} concurrent loops, one host)").AppendLine()
                .AppendLine("| run | msgs/s |").AppendLine("|---|---|")
                .AppendLine($"| receive + delete only (baseline) | {messages / baseline.TotalSeconds:F0} |")
                .AppendLine($"| send pipeline | {messages / pipeline.TotalSeconds:F0} |")
                .AppendLine($"| ratio pipeline / baseline | {baseline.TotalSeconds / pipeline.TotalSeconds:F2} |").AppendLine()
                .AppendLine($"Messages sent: {sent}. Table transactions per message sent: {(double)host.TableRequests.Count / Math.Max(1, sent):F2} "
                    + $"(queue: {(double)host.QueueRequests.Count / Math.Max(1, sent):F2}, receive and delete included).").AppendLine();
        }

        // 2 and 3, for each configured rate (a rate the whole pipeline on this machine cannot reach measures the
        // machine, not the gate: section 1 says how fast the pipeline is).
        var rateRows = new StringBuilder();
        var gateRows = new StringBuilder();
        foreach (var rate in rates)
        {
            // 2. Achieved rate against the number's configured throughput, the simulator enforcing the same limit.
            await using (var simulator = await CloudApiSimulatorHost.StartAsync(new CloudApiSimulatorOptions { Seed = 2, Limits = new SimulatorLimits { ThroughputPerSecond = rate } }))
            await using (var host = await SenderBenchHost.StartAsync(azurite.ConnectionString, simulator, limit: 100_000, messagesPerSecond: rate))
            {
                var queue = host.Storage.Queue(StorageNames.SendsQueueName);
                await host.Provider.GetRequiredService<ISendQueue>().EnqueueManyAsync(Requests(host, "rate", rateMessages));
                var processor = host.Provider.GetRequiredService<SendProcessor>();
                await DrainAsync(queue, delivery => processor.ProcessAsync(delivery, CancellationToken.None), RateLoops(rate));
                var accepted = simulator.Ledger.Entries.Select(e => e.AcceptedAt).Order().ToArray();
                var seconds = (accepted[^1] - accepted[0]).TotalSeconds;
                var achieved = (accepted.Length - 1) / seconds;
                var throttled = simulator.Ledger.RejectionCount(130429);
                rateRows.AppendLine($"| {rate}/s | {RateLoops(rate)} | {achieved:F1}/s | {achieved / rate:P1} | {throttled} of {throttled + accepted.Length} calls ({(double)throttled / (throttled + accepted.Length):P2}) |");
            }

            // 3. The same, without the pipeline's storage latency: two gates (two instances) sharing the number, each send
            //    through the real Graph client, so the gate's own efficiency shows even where the pipeline is slower than the limit.
            await using (var simulator = await CloudApiSimulatorHost.StartAsync(new CloudApiSimulatorOptions { Seed = 3, Limits = new SimulatorLimits { ThroughputPerSecond = rate } }))
            await using (var host = await SenderBenchHost.StartAsync(azurite.ConnectionString, simulator, limit: 100_000, messagesPerSecond: rate))
            {
                var options = Microsoft.Extensions.Options.Options.Create(new SenderOptions());
                var gates = new[] { new TableThroughputGate(host.Storage, options, TimeProvider.System), new TableThroughputGate(host.Storage, options, TimeProvider.System) };
                var client = host.Provider.GetRequiredService<ICloudApiClient>();
                var number = simulator.PhoneNumber.Id;
                var sent = 0;
                var until = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
                await Task.WhenAll(gates.SelectMany(gate => Enumerable.Range(0, 8).Select(async _ =>
                {
                    while (DateTimeOffset.UtcNow < until)
                    {
                        if ((await gate.AcquireAsync(number, rate, CancellationToken.None)).Granted)
                        {
                            var i = Interlocked.Increment(ref sent);
                            await client.SendTemplateAsync(number, new TemplateMessage($"+5215560{i:D7}", "cart_reminder", "es_MX", [TemplateComponent.Body("Ana", "zapatos")]));
                        }
                    }
                })));
                var accepted = simulator.Ledger.Entries.Select(e => e.AcceptedAt).Order().ToArray();
                var achieved = (accepted.Length - 1) / (accepted[^1] - accepted[0]).TotalSeconds;
                var throttled = simulator.Ledger.RejectionCount(130429);
                gateRows.AppendLine($"| {rate}/s | {achieved:F1}/s | {achieved / rate:P1} | {throttled} of {throttled + accepted.Length} calls ({(double)throttled / (throttled + accepted.Length):P2}) |");
            }
        }

        report.AppendLine($"## Achieved rate against the per-number throughput ({rateMessages} messages per rate, one host)").AppendLine()
            .AppendLine("| configured | concurrent loops | achieved | share | 130429 answers |").AppendLine("|---|---|---|---|---|")
            .Append(rateRows).AppendLine()
            .AppendLine("## Throughput gate and Graph client alone (2 instances x 8 loops, 10 s per rate)").AppendLine()
            .AppendLine("| configured | achieved | share | 130429 answers |").AppendLine("|---|---|---|---|")
            .Append(gateRows).AppendLine();

        Console.Write(report);
        var path = BenchmarkEnvironment.ResultPath("sender.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report.ToString());
        return 0;
    }

    private static List<SendRequest> Requests(SenderBenchHost host, string tag, int count)
    {
        var requests = new List<SendRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var recipient = $"+52155{tag.Length}{i:D7}{tag[0] - 'a'}";
            host.Consent.OptIn(recipient, DateTimeOffset.UtcNow.AddDays(-1));
            requests.Add(new SendRequest(SenderBenchHost.Campaign, recipient, "cart_reminder", "es_MX", TemplateCategory.Marketing, [TemplateComponent.Body("Ana", "zapatos")], new SendPolicy()));
        }

        return requests;
    }

    /// <summary>Loops that receive, handle and delete until the queue stays empty; returns the time taken.</summary>
    private static async Task<TimeSpan> DrainAsync(QueueClient queue, Func<QueueDelivery, Task> handle, int loops = Loops)
    {
        var inFlight = 0;
        var stopwatch = Stopwatch.StartNew();
        var lastWork = TimeSpan.Zero;
        await Task.WhenAll(Enumerable.Range(0, loops).Select(async _ =>
        {
            while (true)
            {
                Interlocked.Increment(ref inFlight);
                Azure.Storage.Queues.Models.QueueMessage[] batch;
                try
                {
                    batch = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(5))).Value;
                    foreach (var message in batch)
                    {
                        await handle(new QueueDelivery(message.MessageId, message.Body.ToString(), message.DequeueCount, message.InsertedOn));
                        try
                        {
                            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                        }
                        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
                        {
                            // A loaded Azurite handed the message to two loops (a duplicate delivery): the other deleted it.
                        }
                    }

                    if (batch.Length > 0)
                    {
                        lastWork = stopwatch.Elapsed;
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }

                if (batch.Length == 0)
                {
                    if (Volatile.Read(ref inFlight) == 0)
                    {
                        return;
                    }

                    // Others are still working: do not hammer the emulator with empty receives meanwhile.
                    await Task.Delay(20);
                }

                if (batch.Length == 0)
                {
                    await Task.Delay(20);
                }
            }
        }));
        return lastWork;
    }
}
