using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Messages;

/// <summary>Tries to break the ledger's promises: forward-only states and exactly-once counting, under reordering, duplicates and concurrency.</summary>
public sealed class TableMessageLedgerTests : IAsyncLifetime
{
    private static readonly TimeSpan Stale = TimeSpan.FromMinutes(5);
    private CoreServices _core = null!;
    private IMessageLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreServices.StartAsync();
        _ledger = _core.Get<IMessageLedger>();
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private DateTimeOffset Now => _core.Clock.GetUtcNow();

    [Fact]
    public async Task StatusesInReverseOrder_EndInRead_CountedOnce()
    {
        var key = new MessageKey("c1", "+5215512345678");
        await _ledger.TryClaimAsync(key, "s1", Now, Stale);
        await _ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Accepted, Now, WamId: "wamid.1"));

        Assert.True(await _ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Read, Now)));
        Assert.False(await _ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Delivered, Now)));
        Assert.False(await _ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Sent, Now, PricingCategory: "marketing")));

        var record = await _ledger.GetAsync(key);
        Assert.Equal(MessageState.Read, record!.State);
        Assert.Equal("wamid.1", record.WamId);
        var funnel = await _ledger.GetFunnelAsync("c1");
        Assert.Equal((1, 1, 1, 1), (funnel.Accepted, funnel.Sent, funnel.Delivered, funnel.Read));
    }

    [Fact]
    public async Task ShuffledDuplicatedStatuses_FromManyWriters_CountExactlyOncePerTransition()
    {
        const int recipients = 120;
        var keys = Enumerable.Range(0, recipients).Select(i => new MessageKey("c2", $"+62812{i:D7}")).ToArray();
        var updates = keys
            .SelectMany(k => new[] { MessageState.Accepted, MessageState.Sent, MessageState.Delivered, MessageState.Read }
                .SelectMany(s => Enumerable.Repeat((Key: k, State: s), 3)))
            .OrderBy(_ => Random.Shared.Next())
            .ToArray();

        var applied = 0;
        await Parallel.ForEachAsync(updates, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (u, ct) =>
        {
            if (await _ledger.AdvanceSentAsync(u.Key, new MessageTransition(u.State, Now, Variant: u.Key.Recipient.EndsWith('0') ? "A" : null), ct))
            {
                Interlocked.Increment(ref applied);
            }
        });

        var funnel = await _ledger.GetFunnelAsync("c2");
        Assert.Equal(recipients, funnel.Accepted);
        Assert.Equal(recipients, funnel.Sent);
        Assert.Equal(recipients, funnel.Delivered);
        Assert.Equal(recipients, funnel.Read);
        Assert.All(keys, k => Assert.Equal(MessageState.Read, _ledger.GetAsync(k).Result!.State));
        Assert.InRange(applied, recipients, recipients * 4);
    }

    [Fact]
    public async Task Failed_IsTerminal_AndCountedByCode()
    {
        var key = new MessageKey("c3", "+5215500000001");
        await _ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Accepted, Now));
        Assert.True(await _ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Failed, Now, ErrorCode: 131049)));
        Assert.False(await _ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Failed, Now, ErrorCode: 131049)));
        Assert.False(await _ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Delivered, Now)));

        var funnel = await _ledger.GetFunnelAsync("c3");
        Assert.Equal(1, funnel.Failed);
        Assert.Equal(1, funnel.FailedByCode["131049"]);
        Assert.Equal(0, funnel.Delivered);
    }

    [Fact]
    public async Task ConcurrentClaims_OnlyOneWins()
    {
        var key = new MessageKey("c4", "+5215500000002");

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => _ledger.TryClaimAsync(key, $"sender-{i}", Now, Stale)));

        Assert.Single(results, r => r.Outcome == ClaimOutcome.Claimed);
        Assert.Equal(15, results.Count(r => r.Outcome == ClaimOutcome.Busy));
    }

    [Fact]
    public async Task StaleClaim_IsTakenOver_AndFinishedMessageIsNeverClaimedAgain()
    {
        var key = new MessageKey("c5", "+5215500000003");
        Assert.Equal(ClaimOutcome.Claimed, (await _ledger.TryClaimAsync(key, "dead-sender", Now, Stale)).Outcome);
        Assert.Equal(ClaimOutcome.Busy, (await _ledger.TryClaimAsync(key, "other", Now.AddMinutes(1), Stale)).Outcome);

        var takeover = await _ledger.TryClaimAsync(key, "rescuer", Now.AddMinutes(6), Stale);
        Assert.Equal(ClaimOutcome.TakenOver, takeover.Outcome);
        Assert.False(await _ledger.ReleaseAsync(key, "dead-sender", Now.AddMinutes(6)));

        await _ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Accepted, Now.AddMinutes(6), WamId: "wamid.x"));
        Assert.Equal(ClaimOutcome.Finished, (await _ledger.TryClaimAsync(key, "late", Now.AddDays(1), Stale)).Outcome);
    }

    [Fact]
    public async Task Release_ByOwner_MakesMessageClaimableAgain()
    {
        var key = new MessageKey("c6", "+5215500000004");
        await _ledger.TryClaimAsync(key, "s1", Now, Stale);

        Assert.True(await _ledger.ReleaseAsync(key, "s1", Now));

        Assert.Equal(ClaimOutcome.Claimed, (await _ledger.TryClaimAsync(key, "s2", Now, Stale)).Outcome);
    }

    [Fact]
    public async Task Waiting_MessagesBackASecondEarly_ReplaceTheTimeTheyWereDueAt_WithTheirNextOne()
    {
        // Two messages of one shard wait for the same moment; the queue hands them back a second early (its
        // visibility timeouts are whole seconds) and they defer for a day. The view must say a day, not the moment.
        var recipients = Enumerable.Range(0, 1_000).Select(i => $"+52155{20_000_000 + i}")
            .GroupBy(MessageShards.Of).First(g => g.Count() >= 2).Take(2).ToArray();
        var keys = recipients.Select(r => new MessageKey("c6w", r)).ToArray();
        var soon = Now.AddSeconds(1.5);
        foreach (var key in keys)
        {
            await _ledger.TryClaimAsync(key, "s1", Now, Stale);
            await _ledger.ReleaseAsync(key, "s1", Now, new Waiting("messaging_limit", soon));
        }

        var tomorrow = Now.AddDays(1);
        foreach (var key in keys)
        {
            await _ledger.TryClaimAsync(key, "s2", Now.AddSeconds(1), Stale);
            await _ledger.ReleaseAsync(key, "s2", Now.AddSeconds(1), new Waiting("messaging_limit", tomorrow));
        }

        var funnel = await _ledger.GetFunnelAsync("c6w");
        Assert.Equal(2, funnel.WaitingByReason["messaging_limit"]);
        Assert.Equal(tomorrow, funnel.NextAttempts!["messaging_limit"]);
    }

    [Fact]
    public async Task Skipped_CountsByReason_PerVariant()
    {
        await _ledger.AdvanceSentAsync(new MessageKey("c7", "+5215500000005"), new MessageTransition(MessageState.Skipped, Now, Reason: "no_consent", Variant: "A"));
        await _ledger.AdvanceSentAsync(new MessageKey("c7", "+5215500000006"), new MessageTransition(MessageState.Skipped, Now, Reason: "opted_out", Variant: "B"));

        var funnel = await _ledger.GetFunnelAsync("c7");
        Assert.Equal(2, funnel.Skipped);
        Assert.Equal(1, funnel.SkippedByReason["no_consent"]);
        Assert.Equal(1, funnel.ForVariant("B").SkippedByReason["opted_out"]);
    }

    [Fact]
    public async Task OptOutAfter_RecordedAgain_CountsOnce_ForTheCampaignAndItsVariant()
    {
        var key = await DeliveredAsync("c8", "+5215500000007", "B");

        Assert.True(await _ledger.RecordOptOutAfterAsync(key, Now.AddMinutes(5)));
        Assert.False(await _ledger.RecordOptOutAfterAsync(key, Now.AddMinutes(5)));
        Assert.False(await _ledger.RecordOptOutAfterAsync(key, Now.AddHours(2)));

        var funnel = await _ledger.GetFunnelAsync("c8");
        Assert.Equal(1, funnel.OptedOutAfter);
        Assert.Equal(1, funnel.ForVariant("B").OptedOutAfter);
        Assert.Equal(0, funnel.ForVariant("A").OptedOutAfter);
    }

    [Fact]
    public async Task OptOutAfter_FromManyConcurrentCallers_CountsOncePerRecipient()
    {
        var keys = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => DeliveredAsync("c9", $"+62812{i:D7}", i % 2 == 0 ? "A" : "B")));
        var calls = keys.SelectMany(k => Enumerable.Repeat(k, 8)).OrderBy(_ => Random.Shared.Next()).ToArray();

        var counted = 0;
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (key, ct) =>
        {
            if (await _ledger.RecordOptOutAfterAsync(key, Now.AddMinutes(1), ct))
            {
                Interlocked.Increment(ref counted);
            }
        });

        var funnel = await _ledger.GetFunnelAsync("c9");
        Assert.Equal(12, counted);
        Assert.Equal(12, funnel.OptedOutAfter);
        Assert.Equal((6, 6), (funnel.ForVariant("A").OptedOutAfter, funnel.ForVariant("B").OptedOutAfter));
    }

    [Fact]
    public async Task OptOutAfter_OfAMessageNotDelivered_CountsNothing()
    {
        var accepted = new MessageKey("c10", "+5215500000008");
        await _ledger.AdvanceSentAsync(accepted, new MessageTransition(MessageState.Accepted, Now, Variant: "A"));

        Assert.False(await _ledger.RecordOptOutAfterAsync(accepted, Now.AddMinutes(1)));
        Assert.False(await _ledger.RecordOptOutAfterAsync(new MessageKey("c10", "+5215500000009"), Now.AddMinutes(1)));

        Assert.Equal(0, (await _ledger.GetFunnelAsync("c10")).OptedOutAfter);
    }

    [Fact]
    public async Task OptOutAttribution_WithNoDeliveryInTheWindow_CountsNothing_AndTheLastDeliveryInItCounts()
    {
        const string phone = "+5215500000010";
        var attributor = _core.Get<OptOutAttributor>();
        await DeliveredAsync("c11-old", phone, "A");

        Assert.Null(await attributor.AttributeAsync(phone, Now.AddDays(7).AddMinutes(1), default));
        Assert.Null(await attributor.AttributeAsync(phone, Now.AddMinutes(-1), default)); // delivered after the opt-out
        Assert.Null(await attributor.AttributeAsync("+5215500000011", Now, default));
        Assert.Equal(0, (await _ledger.GetFunnelAsync("c11-old")).OptedOutAfter);

        var newer = await DeliveredAsync("c11-new", phone, "B", Now.AddHours(1));
        Assert.Equal(newer, await attributor.AttributeAsync(phone, Now.AddDays(7), default));
        Assert.Equal((0, 1), ((await _ledger.GetFunnelAsync("c11-old")).OptedOutAfter, (await _ledger.GetFunnelAsync("c11-new")).OptedOutAfter));
    }

    private async Task<MessageKey> DeliveredAsync(string campaignId, string recipient, string variant, DateTimeOffset? at = null)
    {
        var key = new MessageKey(campaignId, recipient);
        await _ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Accepted, at ?? Now, Variant: variant));
        await _ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Delivered, at ?? Now));
        return key;
    }
}
