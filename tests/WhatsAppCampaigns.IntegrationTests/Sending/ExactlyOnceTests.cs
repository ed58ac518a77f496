using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.IntegrationTests.Sending.Support;
using WhatsAppCampaigns.IntegrationTests.Sending.TestDoubles;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Sending;

public sealed class ExactlyOnceTests
{
    [Fact]
    public async Task DuplicateDeliveriesAndKilledSenders_EachRecipientReceivesExactlyOnce()
    {
        await using var world = new SenderWorld(limit: null);
        var processors = new[] { (await world.StartHostAsync()).Get<SendProcessor>(), (await world.StartHostAsync()).Get<SendProcessor>() };
        var recipients = Enumerable.Range(0, 60).Select(SenderWorld.Recipient).ToArray();
        foreach (var recipient in recipients)
        {
            world.Consent.OptIn(recipient, world.Clock.GetUtcNow().AddDays(-1));
        }

        // Every 10th sender dies before Graph gets the message, every 10th (+5) right after; each only once.
        var killed = new HashSet<string>();
        world.Graph.Kill = (message, afterAccept) =>
        {
            var index = Array.IndexOf(recipients, message.To);
            if (index % 10 == (afterAccept ? 5 : 0))
            {
                lock (killed)
                {
                    if (killed.Add(message.To))
                    {
                        throw new SenderKilledException();
                    }
                }
            }
        };
        // The status webhook: Graph's "sent" carries biz_opaque_callback_data back to the ledger.
        world.Graph.OnAccepted = key => world.Ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Sent, world.Clock.GetUtcNow()));

        await world.EnqueueAsync(recipients.Select(r => SenderWorld.Request(r)));
        for (var round = 0; round < 6 && (round == 0 || world.Queue.Held.Count > 0); round++)
        {
            await SenderLoops.DrainAsync(world.Queue, processors, 4, deliverTwice: true, clock: world.Clock);
            world.Clock.Advance(TimeSpan.FromMinutes(3));
            await world.Queue.ReleaseDueAsync();
        }

        Assert.Empty(world.Queue.Held);
        Assert.Equal(12, killed.Count);
        Assert.All(recipients, r => Assert.Equal(1, world.Graph.CountFor(r)));
        foreach (var recipient in recipients)
        {
            var record = await world.Ledger.GetAsync(new MessageKey(SenderWorld.Campaign, recipient));
            Assert.True(record!.State.IsAccepted(), $"{record.State}");
        }
    }

    [Fact]
    public async Task TakenOver_WithoutStatusWebhook_SendsAfterTheGracePeriod()
    {
        await using var world = new SenderWorld(limit: null);
        var processor = (await world.StartHostAsync()).Get<SendProcessor>();
        var recipient = SenderWorld.Recipient(7);
        world.Consent.OptIn(recipient, world.Clock.GetUtcNow().AddDays(-1));
        var key = new MessageKey(SenderWorld.Campaign, recipient);
        await world.Ledger.TryClaimAsync(key, "dead-sender", world.Clock.GetUtcNow(), TimeSpan.FromMinutes(3));

        world.Clock.Advance(TimeSpan.FromMinutes(4));
        await world.EnqueueAsync([SenderWorld.Request(recipient)]);
        await SenderLoops.DrainAsync(world.Queue, [processor], 1);
        Assert.Empty(world.Graph.Accepted);
        Assert.Equal(TimeSpan.FromMinutes(2), Assert.Single(world.Queue.Deferred).Delay);

        world.Clock.Advance(TimeSpan.FromMinutes(2));
        await world.Queue.ReleaseDueAsync();
        await SenderLoops.DrainAsync(world.Queue, [processor], 1);
        Assert.Equal(1, world.Graph.CountFor(recipient));
    }
}
