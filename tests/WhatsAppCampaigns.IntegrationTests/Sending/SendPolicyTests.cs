using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Templates;
using WhatsAppCampaigns.IntegrationTests.Sending.Support;

namespace WhatsAppCampaigns.IntegrationTests.Sending;

public sealed class SendPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 13, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task QuietHours_AcrossTimeZones_SendOnlyWhereItIsDayAndDeferToLocalMorning()
    {
        await using var world = new SenderWorld(limit: null, Now);
        var processor = (await world.StartHostAsync()).Get<SendProcessor>();
        var people = new Dictionary<string, (string? Zone, DateTimeOffset? Expected)>
        {
            ["+5215512340001"] = ("America/Mexico_City", new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero)),
            ["+6281234560002"] = ("Asia/Jakarta", null),
            ["+6281234560003"] = ("Asia/Makassar", new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero)),
            ["+6281234560004"] = ("Asia/Jayapura", new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero)),
            // No zone on file: an Indonesian mobile may be in any of the three, so it waits for morning in all.
            ["+6281234560005"] = (null, new DateTimeOffset(2026, 3, 3, 1, 0, 0, TimeSpan.Zero)),
        };
        foreach (var (phone, (zone, _)) in people)
        {
            world.Contacts.Add(phone, zone);
            world.Consent.OptIn(phone, Now.AddDays(-1));
        }

        var policy = new SendPolicy(new TimeOnly(21, 0), new TimeOnly(8, 0), 1, TimeSpan.FromHours(24));
        await world.EnqueueAsync(people.Keys.Select(p => SenderWorld.Request(p, policy: policy)));
        await SenderLoops.DrainAsync(world.Queue, [processor], 2);

        Assert.Equal(["+6281234560002"], world.Graph.Accepted.Select(a => a.Recipient).ToArray());
        var deferred = world.Queue.Held.ToDictionary(h => h.Request.Recipient, h => h.DueAt);
        foreach (var (phone, (_, expected)) in people.Where(p => p.Value.Expected is not null))
        {
            Assert.Equal(expected, deferred[phone]);
        }

        world.Clock.Advance(TimeSpan.FromHours(12));
        await world.Queue.ReleaseDueAsync();
        await SenderLoops.DrainAsync(world.Queue, [processor], 2);
        Assert.Equal(people.Count, world.Graph.Accepted.Count);
    }

    [Theory]
    [InlineData(Core.Campaigns.CampaignState.Running, 1)]
    [InlineData(Core.Campaigns.CampaignState.Completed, 1)]
    [InlineData(Core.Campaigns.CampaignState.Cancelled, 0)]
    public async Task CampaignState_OnlyCancelDropsQueuedMessages_CompletedFanOutStillSends(Core.Campaigns.CampaignState state, int expectedSends)
    {
        await using var world = new SenderWorld(limit: null, Now);
        var processor = (await world.StartHostAsync()).Get<SendProcessor>();
        var recipient = SenderWorld.Recipient(7);
        world.Consent.OptIn(recipient, Now.AddDays(-1));
        world.Campaigns.Set("flash", state);

        await world.EnqueueAsync([SenderWorld.Request(recipient, campaign: "flash")]);
        await SenderLoops.DrainAsync(world.Queue, [processor], 1);

        Assert.Equal(expectedSends, world.Graph.Accepted.Count);
    }

    [Fact]
    public async Task FrequencyCap_SecondMarketingMessageWithin24h_WaitsUntilTheFirstIsADayOld()
    {
        await using var world = new SenderWorld(limit: null, Now);
        var processor = (await world.StartHostAsync()).Get<SendProcessor>();
        var recipient = SenderWorld.Recipient(1);
        world.Consent.OptIn(recipient, Now.AddDays(-1));
        world.Campaigns.Set("restock", Core.Campaigns.CampaignState.Running);

        await world.EnqueueAsync([SenderWorld.Request(recipient)]);
        await SenderLoops.DrainAsync(world.Queue, [processor], 1);
        world.Clock.Advance(TimeSpan.FromHours(1));
        await world.EnqueueAsync([SenderWorld.Request(recipient, campaign: "restock"), SenderWorld.Request(recipient, TemplateCategory.Utility, campaign: "cart:c9:0:1")]);
        await SenderLoops.DrainAsync(world.Queue, [processor], 1);

        Assert.Equal(2, world.Graph.CountFor(recipient));
        var held = Assert.Single(world.Queue.Held);
        Assert.Equal("restock", held.Request.CampaignId);
        Assert.Equal(Now + TimeSpan.FromHours(24), held.DueAt);

        world.Clock.Advance(TimeSpan.FromHours(23));
        await world.Queue.ReleaseDueAsync();
        await SenderLoops.DrainAsync(world.Queue, [processor], 1);
        Assert.Equal(3, world.Graph.CountFor(recipient));
    }

    [Fact]
    public async Task UtilityMessage_ToSomeoneWithMarketingConsentOnly_IsSent_AsTheForecastCountedIt()
    {
        await using var world = new SenderWorld(limit: null, Now);
        var processor = (await world.StartHostAsync()).Get<SendProcessor>();
        var recipient = SenderWorld.Recipient(11);
        world.Consent.OptIn(recipient, Now.AddDays(-1), Core.Consent.ConsentScope.Marketing);

        await world.EnqueueAsync([SenderWorld.Request(recipient, TemplateCategory.Utility)]);
        await SenderLoops.DrainAsync(world.Queue, [processor], 1);

        Assert.Equal(1, world.Graph.CountFor(recipient));
    }

    [Fact]
    public async Task MarketingMessage_ToAUsNumber_IsSkippedAtSendTime_WhateverTheContactSays()
    {
        await using var world = new SenderWorld(limit: null, Now);
        var host = await world.StartHostAsync();
        var processor = host.Get<SendProcessor>();
        const string recipient = "+14155552671";
        world.Contacts.Add(recipient, "America/Los_Angeles", country: "MX");
        world.Consent.OptIn(recipient, Now.AddDays(-1));

        await world.EnqueueAsync([SenderWorld.Request(recipient, policy: new SendPolicy(null, null, 1, TimeSpan.FromHours(24)))]);
        await SenderLoops.DrainAsync(world.Queue, [processor], 1);

        Assert.Equal(0, world.Graph.CountFor(recipient));
        var funnel = await world.Ledger.GetFunnelAsync(SenderWorld.Campaign);
        Assert.Equal(1, funnel.SkippedByReason.GetValueOrDefault("country_not_allowed"));
    }
}
