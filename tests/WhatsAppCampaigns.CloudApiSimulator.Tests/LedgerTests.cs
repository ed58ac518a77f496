using System.Net;
using WhatsAppCampaigns.CloudApiSimulator.Tests.Support;

namespace WhatsAppCampaigns.CloudApiSimulator.Tests;

public sealed class LedgerTests
{
    [Fact]
    public async Task UniqueRecipientWindows_FollowTheInjectedClock()
    {
        var clock = Simulators.Clock();
        var start = clock.GetUtcNow();
        await using var sim = await Simulators.StartAsync(Simulators.Options(), clock);
        using var graph = new GraphClient(sim);

        await graph.SendAsync("+5215500000001");
        await graph.SendAsync("+5215500000002");
        clock.Advance(TimeSpan.FromHours(20));
        await graph.SendAsync("+5215500000003");
        await graph.SendAsync("+5215500000001", "order_update", "en_US", 2);
        clock.Advance(TimeSpan.FromHours(5));
        await graph.SendAsync("+5215500000004");

        Assert.Equal(4, sim.Ledger.UniqueRecipients());
        Assert.Equal(2, sim.Ledger.UniqueRecipients(start, start.AddHours(1)));
        Assert.Equal(3, sim.Ledger.MaxUniqueRecipientsInAnyWindow(TimeSpan.FromHours(24)));
        Assert.Equal(4, sim.Ledger.MaxUniqueRecipientsInAnyWindow(TimeSpan.FromHours(26)));
        Assert.Equal(2, sim.Ledger.CountTo("5215500000001"));
    }

    [Fact]
    public async Task ConcurrentSends_AreAllRecordedWithDistinctWamids()
    {
        var options = Simulators.Options();
        options.Limits = options.Limits with { ThroughputPerSecond = 100_000 };
        await using var sim = await Simulators.StartAsync(options);
        using var graph = new GraphClient(sim);

        var answers = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => graph.SendAsync($"+52155{i:D8}", callbackData: $"r-{i}")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(400, answers.Select(a => a.Wamid).Distinct().Count());
        Assert.Equal(400, sim.Ledger.Count);
        Assert.Equal(400, sim.Ledger.Entries.Select(e => e.Sequence).Distinct().Count());
        Assert.All(answers, a => Assert.StartsWith("r-", sim.Ledger.Find(a.Wamid)!.BizOpaqueCallbackData));
    }
}
