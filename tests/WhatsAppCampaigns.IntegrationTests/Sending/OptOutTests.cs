using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
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
        var reads = new ConsentReadLog();
        var host = await world.StartHostAsync(realConsent: true, configure: services =>
            services.AddSingleton<IConsentLedger>(sp => new ConsentReadRecorder(sp.GetRequiredService<TableConsentLedger>(), reads)));
        var processor = host.Get<SendProcessor>();
        var consent = host.Get<IConsentLedger>();
        var recipients = Enumerable.Range(0, Queued).Select(SenderWorld.Recipient).ToArray();
        await Parallel.ForEachAsync(recipients, async (recipient, ct) => await consent.RecordAsync(
            recipient, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedIn, "checkout_checkbox", world.Clock.GetUtcNow().AddDays(-1)), ct));

        // A sender that read consent just before the opt-out was acknowledged may still send: that is the race every
        // system has. The promise is that no send follows a consent read that began after the acknowledgement.
        var acknowledged = new ConcurrentDictionary<string, long>();
        var violations = new ConcurrentQueue<string>();
        world.Graph.Refuse = message =>
        {
            if (acknowledged.TryGetValue(message.To, out var ackedAt) && reads.LastReadStartedAt(message.To) > ackedAt)
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
            acknowledged[recipient] = reads.Tick();
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

/// <summary>A sequence shared by consent reads and opt-out acknowledgements, so the test can order them exactly.</summary>
internal sealed class ConsentReadLog
{
    private readonly ConcurrentDictionary<string, long> _lastReadStarted = new();
    private long _sequence;

    public long Tick() => Interlocked.Increment(ref _sequence);

    public void ReadStarting(string phone) => _lastReadStarted[phone] = Tick();

    public long LastReadStartedAt(string phone) => _lastReadStarted.GetValueOrDefault(phone);
}

internal sealed class ConsentReadRecorder(IConsentLedger inner, ConsentReadLog log) : IConsentLedger
{
    public Task<ConsentState> GetAsync(string phone, ConsentScope scope, CancellationToken cancellationToken = default)
    {
        log.ReadStarting(phone);
        return inner.GetAsync(phone, scope, cancellationToken);
    }

    public Task<ConsentSnapshot> GetSnapshotAsync(string phone, CancellationToken cancellationToken = default)
    {
        log.ReadStarting(phone);
        return inner.GetSnapshotAsync(phone, cancellationToken);
    }

    public Task RecordAsync(string phone, ConsentChange change, CancellationToken cancellationToken = default) =>
        inner.RecordAsync(phone, change, cancellationToken);
}
