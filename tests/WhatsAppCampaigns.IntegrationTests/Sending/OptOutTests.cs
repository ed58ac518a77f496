using System.Collections.Concurrent;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.IntegrationTests.Sending.Support;
using Xunit.Abstractions;

namespace WhatsAppCampaigns.IntegrationTests.Sending;

/// <summary>
/// Opt-outs arriving, through the real consent ledger, while the campaign's messages are queued (suite: 400;
/// <c>SENDER_FULL_SIZE=1</c>: the 5,000).
/// </summary>
public sealed class OptOutTests(ITestOutputHelper output)
{
    private static readonly int Queued = SenderTestSize.Full ? 5_000 : 400;

    [Fact]
    public async Task OptOutsWhileQueued_NoOneReceivesAMessageAfterTheirOptOutWasAcknowledged()
    {
        await using var world = new SenderWorld(limit: null);
        var host = await world.StartHostAsync(realConsent: true);
        var processor = host.Get<SendProcessor>();
        var consent = host.Get<IConsentLedger>();
        var recipients = Enumerable.Range(0, Queued).Select(SenderWorld.Recipient).ToArray();
        await Parallel.ForEachAsync(recipients, async (recipient, ct) => await consent.RecordAsync(
            recipient, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedIn, "checkout_checkbox", world.Clock.GetUtcNow().AddDays(-1)), ct));

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
            await consent.RecordAsync(recipient, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedOut, "whatsapp_keyword", world.Clock.GetUtcNow(), "STOP"));
            acknowledged[recipient] = true;
            await Task.Yield();
        }

        await sending;
        output.WriteLine($"{Queued} queued, {acknowledged.Count} opted out while sending, {world.Graph.Accepted.Count} sent");
        Assert.Empty(violations);
        var funnel = await world.Ledger.GetFunnelAsync(SenderWorld.Campaign);
        Assert.True(funnel.SkippedByReason.GetValueOrDefault("opted_out") > 0, "some opt-outs arrived before their message was sent");
        Assert.Equal(recipients.Length, funnel.Accepted + funnel.Skipped);
    }
}
