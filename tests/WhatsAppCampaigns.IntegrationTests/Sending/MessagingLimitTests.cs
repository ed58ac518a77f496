using System.Diagnostics;
using WhatsAppCampaigns.CloudApiSimulator;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Sending.Quota;
using WhatsAppCampaigns.IntegrationTests.Sending.Support;
using Xunit.Abstractions;

namespace WhatsAppCampaigns.IntegrationTests.Sending;

/// <summary>
/// The messaging limit under concurrency, on Azurite and the Cloud API simulator with a compressed clock. The suite runs
/// a small size (limit 50, 300 recipients) to stay fast on a shared 2-core machine; <c>SENDER_FULL_SIZE=1</c> runs the
/// issue's (limit 2,000, 10,000 recipients).
/// </summary>
public sealed class MessagingLimitTests(ITestOutputHelper output)
{
    private static readonly int Limit = SenderTestSize.Full ? 2_000 : 50;
    private static readonly int Recipients = SenderTestSize.Full ? 10_000 : 300;

    [Theory]
    [InlineData(1, 16)]
    [InlineData(4, 4)]
    public async Task Limit_WithConcurrentSenders_SendsExactlyTheLimitAndDefersTheRestUntilQuotaFrees(int hosts, int loopsPerHost)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var world = new SenderWorld(Limit);
        // The clock stands still while the loops run, so the simulator's per-second throughput check is lifted here:
        // this test is about the daily limit (the throughput gate has its own tests).
        await using var simulator = await CloudApiSimulatorHost.StartAsync(
            new CloudApiSimulatorOptions { Seed = 7, Limits = new SimulatorLimits { ThroughputPerSecond = int.MaxValue } }, world.Clock);
        var processors = new List<SendProcessor>();
        for (var i = 0; i < hosts; i++)
        {
            processors.Add((await world.StartHostAsync(simulator: simulator)).Get<SendProcessor>());
        }

        var start = world.Clock.GetUtcNow();
        var recipients = Enumerable.Range(0, Recipients).Select(SenderWorld.Recipient).ToArray();
        foreach (var recipient in recipients)
        {
            world.Consent.OptIn(recipient, start.AddDays(-1));
        }

        await world.EnqueueAsync(recipients.Select(r => SenderWorld.Request(r)));
        await SenderLoops.DrainAsync(world.Queue, processors, loopsPerHost);
        output.WriteLine($"first pass: {stopwatch.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(Limit, simulator.Ledger.UniqueRecipients());
        Assert.Equal(Limit, simulator.Ledger.Count);
        var deferred = world.Queue.Held;
        Assert.Equal(Recipients - Limit, deferred.Count);
        Assert.All(deferred, d => Assert.True(d.Request.NotBefore > start, "every deferred message carries its next attempt time"));

        // Leases other hosts may still hold come back after their TTL; then the rest wait for the window to move.
        world.Clock.Advance(TimeSpan.FromSeconds(15));
        await world.Queue.ReleaseDueAsync();
        await SenderLoops.DrainAsync(world.Queue, processors, loopsPerHost);
        Assert.Equal(Limit, simulator.Ledger.Count);
        var firstRelease = world.Queue.Held.Min(d => d.DueAt);
        Assert.True(firstRelease >= start + TimeSpan.FromHours(24), $"deferred to {firstRelease}, before the quota frees");

        // A day (and a bucket) later, exactly one more limit's worth goes out, and no window ever held more.
        world.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(10));
        await world.Queue.ReleaseDueAsync();
        await SenderLoops.DrainAsync(world.Queue, processors, loopsPerHost);
        Assert.Equal(2 * Limit, simulator.Ledger.Count);
        Assert.Equal(2 * Limit, simulator.Ledger.UniqueRecipients());
        Assert.True(simulator.Ledger.MaxUniqueRecipientsInAnyWindow(TimeSpan.FromHours(24)) <= Limit);
        output.WriteLine($"{hosts} host(s) x {loopsPerHost} loops, limit {Limit}, {Recipients} recipients: {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Limit_RecipientAlreadyCountedOrInServiceWindow_UsesNoNewQuota()
    {
        await using var world = new SenderWorld(limit: 2);
        var host = await world.StartHostAsync();
        var processor = host.Get<SendProcessor>();
        var now = world.Clock.GetUtcNow();
        string[] recipients = [SenderWorld.Recipient(1), SenderWorld.Recipient(2), SenderWorld.Recipient(3)];
        foreach (var recipient in recipients)
        {
            world.Consent.OptIn(recipient, now.AddDays(-1), ConsentScope.Utility);
        }

        await world.Windows.RecordInboundAsync(recipients[2], now.AddHours(-1));
        await world.EnqueueAsync(recipients.Select(r => SenderWorld.Request(r, Core.Templates.TemplateCategory.Utility)));
        await world.EnqueueAsync(recipients.Take(2).Select(r => SenderWorld.Request(r, Core.Templates.TemplateCategory.Utility, campaign: "cart:c1:0:1")));
        await SenderLoops.DrainAsync(world.Queue, [processor], 2);

        Assert.Equal(5, world.Graph.Accepted.Count);
        Assert.Empty(world.Queue.Held);
        Assert.Equal(2, (await host.Get<MessagingLimitCounter>().ReadAsync(CancellationToken.None)).Used);
    }
}
