using System.Net;
using WhatsAppCampaigns.CloudApiSimulator.Tests.Support;

namespace WhatsAppCampaigns.CloudApiSimulator.Tests;

/// <summary>Refusals Meta reports after acceptance: HTTP 200, then a single <c>failed</c> status webhook.</summary>
public sealed class DeliveryOutcomeTests
{
    [Fact]
    public async Task Send_WhenPerUserMarketingLimitReached_AcceptsThenFails131049UntilDayPasses()
    {
        var clock = Simulators.Clock();
        await using var receiver = await WebhookReceiver.StartAsync();
        var options = Simulators.Options(receiver.Url);
        options.Limits = options.Limits with { MarketingPerUserPer24Hours = 1 };
        await using var sim = await Simulators.StartAsync(options, clock);
        using var graph = new GraphClient(sim);

        var first = await graph.SendAsync(Simulators.MexicanUser);
        var utility = await graph.SendAsync(Simulators.MexicanUser, "order_update", "en_US", 2);
        clock.Advance(TimeSpan.FromHours(1));
        var second = await graph.SendAsync(Simulators.MexicanUser);

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Null(sim.Ledger.Find(first.Wamid)!.FailureCode);
        Assert.Null(sim.Ledger.Find(utility.Wamid)!.FailureCode);
        Assert.Equal(131049, sim.Ledger.Find(second.Wamid)!.FailureCode);
        Assert.True(await sim.WaitForWebhooksIdleAsync(TimeSpan.FromSeconds(5)));
        var failed = Assert.Single(receiver.Received, w => w.Status.GetProperty("id").GetString() == second.Wamid);
        Assert.Equal("failed", failed.Status.GetProperty("status").GetString());
        Assert.Equal(131049, failed.Status.GetProperty("errors")[0].GetProperty("code").GetInt32());

        clock.Advance(TimeSpan.FromHours(23));
        var nextDay = await graph.SendAsync(Simulators.MexicanUser);
        Assert.Null(sim.Ledger.Find(nextDay.Wamid)!.FailureCode);
    }

    [Fact]
    public async Task Send_WhenUserStoppedMarketing_FailsMarketingWith131050ButNotUtility()
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim);
        sim.Scenario.StopUser(Simulators.MexicanUser);

        var marketing = await graph.SendAsync(Simulators.MexicanUser);
        var utility = await graph.SendAsync(Simulators.MexicanUser, "order_update", "en_US", 2);

        Assert.Equal(HttpStatusCode.OK, marketing.Status);
        Assert.Equal(131050, sim.Ledger.Find(marketing.Wamid)!.FailureCode);
        Assert.Null(sim.Ledger.Find(utility.Wamid)!.FailureCode);
        Assert.Equal(["failed"], sim.Webhooks.StatusesOf(marketing.Wamid));
    }

    [Fact]
    public async Task Send_WhenNumberUndeliverable_FailsAnyCategoryWith131026()
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim);
        sim.Scenario.MarkUndeliverable("52 1 55 1234 5678");

        var marketing = await graph.SendAsync(Simulators.MexicanUser);
        var utility = await graph.SendAsync(Simulators.MexicanUser, "order_update", "en_US", 2);

        Assert.Equal(131026, sim.Ledger.Find(marketing.Wamid)!.FailureCode);
        Assert.Equal(131026, sim.Ledger.Find(utility.Wamid)!.FailureCode);
    }

    [Theory]
    [InlineData("+16505551234", "cart_reminder", "en_US", 2, 131049)]
    [InlineData("+1 (340) 555-1234", "cart_reminder", "en_US", 2, 131049)]
    [InlineData("+14165551234", "cart_reminder", "en_US", 2, null)]
    [InlineData("+18095551234", "cart_reminder", "en_US", 2, null)]
    [InlineData("+16505551234", "order_update", "en_US", 2, null)]
    public async Task Send_ToUsNumber_RefusesMarketingOnly(string to, string template, string language, int parameters, int? expectedFailure)
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim);

        var answer = await graph.SendAsync(to, template, language, parameters);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(expectedFailure, sim.Ledger.Find(answer.Wamid)!.FailureCode);
    }
}
