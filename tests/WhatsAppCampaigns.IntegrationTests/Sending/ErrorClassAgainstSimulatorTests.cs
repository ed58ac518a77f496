using WhatsAppCampaigns.CloudApiSimulator;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.IntegrationTests.Sending.Support;

namespace WhatsAppCampaigns.IntegrationTests.Sending;

/// <summary>
/// The sender and the real Graph client against the Cloud API simulator, one error class per case, answered
/// synchronously by Graph (the simulator's stopped and undeliverable users fail later, in status webhooks, which the
/// webhook processing handles).
/// </summary>
public sealed class ErrorClassAgainstSimulatorTests
{
    private static readonly string Recipient = SenderWorld.Recipient(77);

    [Theory]
    [InlineData("131050", "Failed", null)]
    [InlineData("131026", "Failed", null)]
    [InlineData("131049", "Pending", 24 * 3600)]
    [InlineData("130429", "Pending", 1)]
    [InlineData("paused_template", "Pending", 300)]
    [InlineData("190", "Pending", 900)]
    [InlineData("131000", "Pending", 30)]
    [InlineData("accepted", "Accepted", null)]
    public async Task Refusal_FromSimulator_IsHandledByItsClass(string scenario, string state, int? deferSeconds)
    {
        await using var world = new SenderWorld(limit: 10);
        await using var simulator = await CloudApiSimulatorHost.StartAsync(new CloudApiSimulatorOptions { Seed = 5 }, world.Clock);
        // One immediate in-process retry (no wait on the frozen clock); rate limits are handed to the sender, not waited out.
        var host = await world.StartHostAsync(
            new Dictionary<string, string?> { ["WhatsApp:MaxSendRetries"] = "1", ["WhatsApp:RetryBaseDelay"] = "00:00:00", ["WhatsApp:MaxInProcessRetryDelay"] = "00:00:00.500" },
            simulator);
        world.Consent.OptIn(Recipient, world.Clock.GetUtcNow().AddDays(-1));
        switch (scenario)
        {
            case "paused_template" or "accepted":
                break;
            default:
                simulator.Scenario.FailNext(2, int.Parse(scenario, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }

        await world.EnqueueAsync([SenderWorld.Request(Recipient, template: scenario == "paused_template" ? "paused_promo" : "cart_reminder")]);
        await SenderLoops.DrainAsync(world.Queue, [host.Get<SendProcessor>()], 1);

        var record = await world.Ledger.GetAsync(new MessageKey(SenderWorld.Campaign, Recipient));
        Assert.Equal(state, record!.State.ToString());
        Assert.Equal(deferSeconds, world.Queue.Deferred.SingleOrDefault().Delay is var d && d > TimeSpan.Zero ? (int)d.TotalSeconds : null);
        Assert.Equal(scenario == "accepted" ? 1 : 0, simulator.Ledger.CountTo(Recipient));
        if (scenario == "accepted")
        {
            Assert.Equal(SenderWorld.Campaign + "|" + Recipient, simulator.Ledger.EntriesTo(Recipient).Single().BizOpaqueCallbackData);
        }

        Assert.Equal(scenario == "131050", world.Consent.IsOptedOut(Recipient, ConsentScope.Marketing));
        Assert.Equal(scenario == "131026", (await world.Contacts.FindAsync(Recipient))?.Undeliverable == true);
        Assert.Equal(scenario == "paused_template", await world.Campaigns.GetStateAsync(SenderWorld.Campaign) == CampaignState.Paused);
        Assert.Equal(scenario == "190", await world.Signals.GetSendingHaltAsync() is not null);
        Assert.Equal(scenario == "130429" ? 1 : 0, world.Throughput.RateLimitedReports);
    }
}
