using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;
using static WhatsAppCampaigns.IntegrationTests.Infrastructure.WebhookPayloads;

namespace WhatsAppCampaigns.IntegrationTests.Webhooks;

/// <summary>Status webhooks through the receiver, the queue and the real message ledger on Azurite.</summary>
public sealed class StatusWebhookTests : IAsyncLifetime
{
    private const long T0 = 1_772_460_000;
    private WebhookPipeline _pipeline = null!;

    private IMessageLedger Ledger => _pipeline.Core.Get<IMessageLedger>();

    public async Task InitializeAsync() => _pipeline = await WebhookPipeline.StartAsync();

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    /// <summary>What a sender does before it calls Graph: statuses only ever concern messages claimed this way.</summary>
    private Task ClaimedAsync(string campaignId, params string[] recipients) =>
        Parallel.ForEachAsync(recipients, async (recipient, ct) =>
            await Ledger.TryClaimAsync(new MessageKey(campaignId, recipient), "sender", DateTimeOffset.FromUnixTimeSeconds(T0 - 1), TimeSpan.FromMinutes(3), cancellationToken: ct));

    [Fact]
    public async Task Statuses_InReverseOrder_EndRead_AndCountEachStateOnce()
    {
        const string recipient = "+5215512345001";
        await ClaimedAsync("c-rev", recipient);
        await _pipeline.ReceiveAndProcessAsync(Statuses(Status("c-rev", recipient, "read", T0 + 20)));
        await _pipeline.ReceiveAndProcessAsync(Statuses(Status("c-rev", recipient, "delivered", T0 + 10)));
        await _pipeline.ReceiveAndProcessAsync(Statuses(Status("c-rev", recipient, "sent", T0)));

        var record = await Ledger.GetAsync(new MessageKey("c-rev", recipient));
        Assert.Equal(MessageState.Read, record!.State);
        Assert.Equal("marketing", record.PricingCategory);
        var funnel = await Ledger.GetFunnelAsync("c-rev");
        Assert.Equal((1, 1, 1), (funnel.Sent, funnel.Delivered, funnel.Read));
    }

    [Fact]
    public async Task SamePayload_DeliveredTwice_IsCountedOnce()
    {
        await ClaimedAsync("c-dup", "+5215512345002");
        var payload = Statuses(Status("c-dup", "+5215512345002", "sent", T0), Status("c-dup", "+5215512345002", "delivered", T0 + 5));

        await _pipeline.ReceiveAndProcessAsync(payload);
        await _pipeline.ReceiveAndProcessAsync(payload);

        var funnel = await Ledger.GetFunnelAsync("c-dup");
        Assert.Equal((1, 1, 0), (funnel.Sent, funnel.Delivered, funnel.Read));
    }

    [Fact]
    public async Task Failed_131050_CountsByCode_AndOptsTheRecipientOutOfMarketing()
    {
        const string recipient = "+5215512345003";
        await _pipeline.Core.Get<IConsentLedger>().RecordAsync(recipient, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedIn, "checkout_checkbox", DateTimeOffset.FromUnixTimeSeconds(T0 - 1000)));
        await ClaimedAsync("c-fail", recipient);

        await _pipeline.ReceiveAndProcessAsync(Statuses(Status("c-fail", recipient, "failed", T0, errorCode: 131050)));

        var funnel = await Ledger.GetFunnelAsync("c-fail");
        Assert.Equal(1, funnel.Failed);
        Assert.Equal(1, funnel.FailedByCode["131050"]);
        var consent = await _pipeline.Core.Get<IConsentLedger>().GetAsync(recipient, ConsentScope.Marketing);
        Assert.Equal((ConsentStatus.OptedOut, "graph_131050"), (consent.Status!.Value, consent.Source));
    }

    [Fact]
    public async Task StatusWithoutCallbackData_IsSkipped()
    {
        var status = Status("c-none", "+5215512345004", "delivered", T0);
        status.Remove("biz_opaque_callback_data");

        await _pipeline.ReceiveAndProcessAsync(Statuses(status));

        Assert.Equal(0, (await Ledger.GetFunnelAsync("c-none")).Delivered);
    }

    /// <summary>About 300 KB: the body goes to a blob with a reference in the queue. Takes a few seconds on Azurite.</summary>
    [Fact]
    public async Task ThousandStatuses_InOnePayload_AreAllApplied()
    {
        var items = Enumerable.Range(0, 1_000).Select(i => Status("c-1000", $"+52155100{i:D5}", "delivered", T0)).ToArray();
        await ClaimedAsync("c-1000", Enumerable.Range(0, 1_000).Select(i => $"+52155100{i:D5}").ToArray());

        await _pipeline.ReceiveAndProcessAsync(Statuses(items));

        Assert.Equal(1_000, (await Ledger.GetFunnelAsync("c-1000")).Delivered);
    }

    /// <summary>Signed statuses can name any campaign in their callback data; only messages the product sent count.</summary>
    [Fact]
    public async Task Status_ForAMessageNeverSent_CountsNowhere()
    {
        await ClaimedAsync("c-real", "+5215512345010");
        var forged = Enumerable.Range(0, 39).Select(i => Status("c-real", $"+52155123460{i:D2}", "delivered", T0)).ToArray();

        await _pipeline.ReceiveAndProcessAsync(Statuses([.. forged, Status("c-real", "+5215512345010", "delivered", T0)]));

        var funnel = await Ledger.GetFunnelAsync("c-real");
        Assert.Equal((1, 1), (funnel.Accepted, funnel.Delivered));
        Assert.Null(await Ledger.GetAsync(new MessageKey("c-real", "+5215512346000")));
    }
}
