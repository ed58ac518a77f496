using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.CloudApi;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Sending.DeadLetters;
using WhatsAppCampaigns.Core.Sending.Quota;
using WhatsAppCampaigns.IntegrationTests.Sending.Support;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Sending;

/// <summary>Each class of Graph refusal, and what the sender must do about it. Quota is always given back.</summary>
public sealed class ErrorClassTests
{
    private static readonly string Recipient = SenderWorld.Recipient(42);

    [Theory]
    [InlineData(131050, "Failed", null)]
    [InlineData(131026, "Failed", null)]
    [InlineData(131049, "Pending", 24 * 3600)]
    [InlineData(130429, "Pending", 1)]
    [InlineData(132015, "Pending", 300)]
    [InlineData(190, "Pending", 900)]
    [InlineData(131000, "Pending", 30)]
    public async Task Refusal_ByClass_RecordsDefersAndGivesQuotaBack(int code, string state, int? deferSeconds)
    {
        await using var world = new SenderWorld(limit: 10);
        var host = await world.StartHostAsync(new Dictionary<string, string?> { ["WhatsApp:MaxSendRetries"] = "1", ["WhatsApp:RetryBaseDelay"] = "00:00:00", ["WhatsApp:MaxInProcessRetryDelay"] = "00:00:00.500" });
        world.Consent.OptIn(Recipient, world.Clock.GetUtcNow().AddDays(-1));
        world.Graph.Refuse = _ => GraphErrorClassifier.Create(code, "refused (test)");

        await world.EnqueueAsync([SenderWorld.Request(Recipient)]);
        await SenderLoops.DrainAsync(world.Queue, [host.Get<SendProcessor>()], 1);

        var record = await world.Ledger.GetAsync(new MessageKey(SenderWorld.Campaign, Recipient));
        Assert.Equal(state, record!.State.ToString());
        Assert.Equal(deferSeconds, world.Queue.Deferred.SingleOrDefault().Delay is var d && d > TimeSpan.Zero ? (int)d.TotalSeconds : null);
        switch (code)
        {
            case 131050:
                Assert.True(world.Consent.IsOptedOut(Recipient, ConsentScope.Marketing));
                break;
            case 131026:
                Assert.True((await world.Contacts.FindAsync(Recipient))!.Undeliverable);
                break;
            case 132015:
                Assert.Equal(CampaignState.Paused, await world.Campaigns.GetStateAsync(SenderWorld.Campaign));
                break;
            case 190:
                Assert.Equal(190, (await world.Signals.GetSendingHaltAsync())!.ErrorCode);
                break;
            case 130429:
                Assert.Equal(1, world.Throughput.RateLimitedReports);
                break;
        }

        // The refused message's quota slot came back: ten others still fit in the limit of ten.
        world.Graph.Refuse = null;
        var others = Enumerable.Range(100, 10).Select(SenderWorld.Recipient).ToArray();
        foreach (var other in others)
        {
            world.Consent.OptIn(other, world.Clock.GetUtcNow().AddDays(-1));
        }

        await world.Signals.SetSendingHaltAsync(null);
        world.Campaigns.Set(SenderWorld.Campaign, CampaignState.Running);
        await world.EnqueueAsync(others.Select(o => SenderWorld.Request(o)));
        await SenderLoops.DrainAsync(world.Queue, [host.Get<SendProcessor>()], 1);
        Assert.Equal(10, world.Graph.Accepted.Count);
        Assert.Equal(10, (await host.Get<MessagingLimitCounter>().ReadAsync(CancellationToken.None)).Used);
    }

    [Fact]
    public async Task Refusal131050_ChargesTheOptOutToTheCampaignDeliveredBefore_NotToTheRefusedOne()
    {
        await using var world = new SenderWorld(limit: 10);
        var host = await world.StartHostAsync(new Dictionary<string, string?> { ["WhatsApp:MaxSendRetries"] = "1", ["WhatsApp:RetryBaseDelay"] = "00:00:00" });
        world.Consent.OptIn(Recipient, world.Clock.GetUtcNow().AddDays(-3));
        var earlier = new MessageKey("earlier-campaign", Recipient);
        await world.Ledger.AdvanceSentAsync(earlier, new MessageTransition(MessageState.Accepted, world.Clock.GetUtcNow().AddDays(-2), Variant: "b"));
        await world.Ledger.AdvanceSentAsync(earlier, new MessageTransition(MessageState.Delivered, world.Clock.GetUtcNow().AddDays(-2)));
        world.Graph.Refuse = _ => GraphErrorClassifier.Create(131050, "stopped marketing (test)");

        await world.EnqueueAsync([SenderWorld.Request(Recipient)]);
        await SenderLoops.DrainAsync(world.Queue, [host.Get<SendProcessor>()], 1);

        var refused = await world.Ledger.GetFunnelAsync(SenderWorld.Campaign);
        Assert.Equal((1, 0), (refused.FailedByCode["131050"], refused.OptedOutAfter));
        var charged = await world.Ledger.GetFunnelAsync(earlier.CampaignId);
        Assert.Equal((1, 1), (charged.OptedOutAfter, charged.ForVariant("b").OptedOutAfter));
    }

    [Fact]
    public async Task Transient_AfterMaxFailedDeliveries_GoesToDeadLettersAndReplaysByApi()
    {
        await using var world = new SenderWorld(limit: 10);
        var host = await world.StartHostAsync(new Dictionary<string, string?> { ["WhatsApp:MaxSendRetries"] = "1", ["WhatsApp:RetryBaseDelay"] = "00:00:00", ["WhatsApp:MaxInProcessRetryDelay"] = "00:00:00.500", ["Sender:MaxFailedDeliveries"] = "3" });
        world.Consent.OptIn(Recipient, world.Clock.GetUtcNow().AddDays(-1));
        world.Graph.Refuse = _ => GraphErrorClassifier.Create(131000, "something went wrong (test)");
        var processor = host.Get<SendProcessor>();

        await world.EnqueueAsync([SenderWorld.Request(Recipient)]);
        for (var i = 0; i < 3; i++)
        {
            await SenderLoops.DrainAsync(world.Queue, [processor], 1);
            world.Clock.Advance(TimeSpan.FromHours(1));
            await world.Queue.ReleaseDueAsync();
        }

        var letter = Assert.Single(await host.Get<DeadLetterStore>().ListAsync(10, CancellationToken.None));
        Assert.Equal(("transient_exhausted", 131000, 3), (letter.Reason, letter.ErrorCode, letter.Attempts));
        Assert.Empty(world.Queue.Held);

        world.Graph.Refuse = null;
        Assert.Equal(ReplayResult.Replayed, await host.Get<DeadLetterReplay>().ReplayAsync(letter.Id, CancellationToken.None));
        await SenderLoops.DrainAsync(world.Queue, [processor], 1);
        Assert.Equal(1, world.Graph.CountFor(Recipient));
        Assert.Empty(await host.Get<DeadLetterStore>().ListAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Halted_NoMessageReachesGraphUntilTheHaltIsCleared()
    {
        await using var world = new SenderWorld(limit: 10);
        var processor = (await world.StartHostAsync()).Get<SendProcessor>();
        world.Consent.OptIn(Recipient, world.Clock.GetUtcNow().AddDays(-1));
        await world.Signals.SetSendingHaltAsync(new Core.Account.SendingHalt(190, "token expired", world.Clock.GetUtcNow()));

        await world.EnqueueAsync([SenderWorld.Request(Recipient)]);
        await SenderLoops.DrainAsync(world.Queue, [processor], 1);

        Assert.Empty(world.Graph.Accepted);
        Assert.Null(await world.Ledger.GetAsync(new MessageKey(SenderWorld.Campaign, Recipient)));
        Assert.Single(world.Queue.Held);
    }
}
