using System.Collections.Concurrent;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.IntegrationTests.Sending.Support;

namespace WhatsAppCampaigns.IntegrationTests.Sending;

/// <summary>Opt-outs arriving while the campaign's messages are queued (suite: 400; the 5,000 in the benchmark).</summary>
public sealed class OptOutTests
{
    [Fact]
    public async Task OptOutsWhileQueued_NoOneReceivesAMessageAfterTheirOptOutWasAcknowledged()
    {
        await using var world = new SenderWorld(limit: null);
        var processor = (await world.StartHostAsync()).Get<SendProcessor>();
        var recipients = Enumerable.Range(0, 400).Select(SenderWorld.Recipient).ToArray();
        foreach (var recipient in recipients)
        {
            world.Consent.OptIn(recipient, world.Clock.GetUtcNow().AddDays(-1));
        }

        var acknowledged = new ConcurrentDictionary<string, bool>();
        var violations = new ConcurrentQueue<string>();
        world.Graph.Refuse = message =>
        {
            if (acknowledged.ContainsKey(message.To))
            {
                violations.Enqueue(message.To);
            }

            return null;
        };

        await world.EnqueueAsync(recipients.Select(r => SenderWorld.Request(r)));
        var sending = SenderLoops.DrainAsync(world.Queue, [processor], 16);
        foreach (var recipient in recipients.Where((_, i) => i % 3 == 0).Reverse())
        {
            await world.Consent.RecordAsync(recipient, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedOut, "whatsapp_keyword", world.Clock.GetUtcNow(), "STOP"));
            acknowledged[recipient] = true;
            await Task.Yield();
        }

        await sending;
        Assert.Empty(violations);
        var funnel = await world.Ledger.GetFunnelAsync(SenderWorld.Campaign);
        Assert.True(funnel.SkippedByReason.GetValueOrDefault("opted_out") > 0, "some opt-outs arrived before their message was sent");
        Assert.Equal(recipients.Length, funnel.Accepted + funnel.Skipped);
    }
}
