using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Configuration;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Sending.Throughput;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Sending;

/// <summary>The per-number throughput gate on Azurite, with the real clock: two instances share one number's rate.</summary>
public sealed class ThroughputGateTests
{
    private const int Rate = 80;
    private const string Number = "106540352242922";

    [Fact]
    public async Task TwoInstances_SharingANumber_StayUnderItsRateInEverySlidingSecond()
    {
        var storageOptions = Options.Create(new StorageOptions { ConnectionString = TestStorage.ConnectionString, NamePrefix = TestStorage.NewPrefix() });
        var storage = new StorageClients(storageOptions, new StorageNames(storageOptions), new TableRegistry());
        await storage.Table(TableThroughputGate.TableName).CreateIfNotExistsAsync();
        IThroughputGate[] gates =
        [
            new TableThroughputGate(storage, Options.Create(new SenderOptions()), TimeProvider.System),
            new TableThroughputGate(storage, Options.Create(new SenderOptions()), TimeProvider.System),
        ];

        var sends = new ConcurrentQueue<DateTimeOffset>();
        // Runs until the gates have granted a couple of seconds' worth, with a deadline for a machine so loaded that
        // storage calls take seconds: what is asserted is the rate in every sliding second, not how fast it gets there.
        var enough = 2 * Rate;
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(3);
        await Task.WhenAll(gates.SelectMany(gate => Enumerable.Range(0, 4).Select(async _ =>
        {
            while (sends.Count < enough && DateTimeOffset.UtcNow < deadline)
            {
                if ((await gate.AcquireAsync(Number, Rate, CancellationToken.None)).Granted)
                {
                    sends.Enqueue(DateTimeOffset.UtcNow);
                }
            }
        })));

        var times = sends.Order().ToArray();
        // The achieved share of the rate depends on how busy the machine is (late slots are dropped, never bunched):
        // the benchmark measures it against the simulator; here it only has to make progress.
        Assert.True(times.Length >= enough, $"only {times.Length} sends granted within {TimeSpan.FromMinutes(3)}");
        var busiest = times.Select((t, i) => times.Skip(i).TakeWhile(u => u - t < TimeSpan.FromSeconds(1)).Count()).Max();
        Assert.True(busiest <= Rate, $"{busiest} sends in one sliding second");
    }
}
