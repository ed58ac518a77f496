using System.Net;
using WhatsAppCampaigns.CloudApiSimulator.Tests.Support;

namespace WhatsAppCampaigns.CloudApiSimulator.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Send_WhenBurstExceedsThroughput_Answers130429UntilTheSecondPasses()
    {
        var clock = Simulators.Clock();
        var options = Simulators.Options();
        options.Limits = options.Limits with { ThroughputPerSecond = 5 };
        await using var sim = await Simulators.StartAsync(options, clock);
        using var graph = new GraphClient(sim);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => graph.SendAsync($"+52155000000{i:D2}")));

        Assert.Equal(5, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, a.Status);
            Assert.Equal(130429, a.ErrorCode);
        });

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await graph.SendAsync("+5215500000099")).Status);
    }

    [Fact]
    public async Task Send_WhenThroughputRaisedAtRunTime_AllowsMore()
    {
        var clock = Simulators.Clock();
        var options = Simulators.Options();
        options.Limits = options.Limits with { ThroughputPerSecond = 1 };
        await using var sim = await Simulators.StartAsync(options, clock);
        using var graph = new GraphClient(sim);
        Assert.Equal(HttpStatusCode.OK, (await graph.SendAsync(Simulators.MexicanUser)).Status);
        Assert.Equal(130429, (await graph.SendAsync(Simulators.OtherMexicanUser)).ErrorCode);

        sim.Scenario.Limits = sim.Scenario.Limits with { ThroughputPerSecond = 80 };

        Assert.Equal(HttpStatusCode.OK, (await graph.SendAsync(Simulators.OtherMexicanUser)).Status);
    }

    [Fact]
    public async Task Send_WhenSameUserTooOften_Answers131056UntilIntervalPasses()
    {
        var clock = Simulators.Clock();
        var options = Simulators.Options();
        options.Limits = options.Limits with { PairRateBurst = 2, PairRateInterval = TimeSpan.FromSeconds(6) };
        await using var sim = await Simulators.StartAsync(options, clock);
        using var graph = new GraphClient(sim);

        Assert.Equal(HttpStatusCode.OK, (await graph.SendAsync(Simulators.MexicanUser)).Status);
        Assert.Equal(HttpStatusCode.OK, (await graph.SendAsync(Simulators.MexicanUser)).Status);
        Assert.Equal(131056, (await graph.SendAsync(Simulators.MexicanUser)).ErrorCode);
        Assert.Equal(HttpStatusCode.OK, (await graph.SendAsync(Simulators.OtherMexicanUser)).Status);

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(131056, (await graph.SendAsync(Simulators.MexicanUser)).ErrorCode);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await graph.SendAsync(Simulators.MexicanUser)).Status);
        Assert.Equal(2, sim.Ledger.RejectionCount(131056));
    }
}
