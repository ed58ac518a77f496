using System.Text.Json;
using WhatsAppCampaigns.Api.Campaigns;
using WhatsAppCampaigns.Core.Audiences;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Templates;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;
using static WhatsAppCampaigns.IntegrationTests.Infrastructure.WebhookPayloads;

namespace WhatsAppCampaigns.IntegrationTests.Webhooks;

/// <summary>
/// Opt-outs arriving by webhook (STOP reply, opt-out button, WhatsApp's Stop control, 131050) are charged to the campaign
/// message last delivered to the person, once per (campaign, recipient): receiver, queue, handlers and ledger on Azurite.
/// </summary>
public sealed class OptOutAttributionWebhookTests : IAsyncLifetime
{
    private const long T0 = 1_772_460_000;
    private WebhookPipeline _pipeline = null!;

    private IMessageLedger Ledger => _pipeline.Core.Get<IMessageLedger>();

    public async Task InitializeAsync() => _pipeline = await WebhookPipeline.StartAsync();

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    [Fact]
    public async Task StopReply_AfterADeliveredCampaignMessage_ShowsInTheCampaignView_OnceDespiteRedeliveryAndOtherWaysOfStopping()
    {
        const string phone = "+525512310001";
        await OptInAsync(phone);
        await SentAsync("c-stop", phone, "b");
        await _pipeline.ReceiveAndProcessAsync(Statuses(Status("c-stop", phone, "delivered", T0)));

        var stop = Text(phone, "STOP", T0 + 600);
        await _pipeline.ReceiveAndProcessAsync(stop);
        Assert.Equal(1, (await Ledger.GetFunnelAsync("c-stop")).OptedOutAfter);

        await _pipeline.ReceiveAndProcessAsync(stop);
        await _pipeline.ReceiveAndProcessAsync(Button(phone, "STOP_PROMOTIONS", "Stop promotions", T0 + 700));
        await _pipeline.ReceiveAndProcessAsync(UserPreference(phone, "stop", T0 + 800));

        Assert.Equal(ConsentStatus.OptedOut, (await _pipeline.Core.Get<IConsentLedger>().GetAsync(phone, ConsentScope.Marketing)).Status);
        var view = await ViewAsync("c-stop");
        Assert.Equal(1, view.GetProperty("progress").GetProperty("funnel").GetProperty("optedOutAfter").GetInt64());
        Assert.Equal(1, view.GetProperty("variants").GetProperty("b").GetProperty("funnel").GetProperty("optedOutAfter").GetInt64());
        Assert.Equal(0, view.GetProperty("variants").GetProperty("a").GetProperty("funnel").GetProperty("optedOutAfter").GetInt64());
    }

    [Fact]
    public async Task StopReply_WithoutADeliveryInTheWindow_CountsNothing()
    {
        const string late = "+525512310002";
        const string undelivered = "+525512310003";
        await SentAsync("c-none", late, "a");
        await _pipeline.ReceiveAndProcessAsync(Statuses(Status("c-none", late, "delivered", T0)));
        await SentAsync("c-none", undelivered, "a");

        await _pipeline.ReceiveAndProcessAsync(Text(late, "STOP", T0 + (8 * 86_400)));
        await _pipeline.ReceiveAndProcessAsync(Text(undelivered, "STOP", T0 + 60));

        Assert.Equal(0, (await Ledger.GetFunnelAsync("c-none")).OptedOutAfter);
    }

    [Theory]
    [InlineData("button")]
    [InlineData("user_preferences")]
    public async Task OptOutButtonOrStopControl_IsChargedToTheCampaignDeliveredLast_NotAnEarlierOne(string how)
    {
        const string phone = "+6281234510004";
        await SentAsync("c-early", phone, "a");
        await SentAsync("c-late", phone, "a");
        await _pipeline.ReceiveAndProcessAsync(Statuses(Status("c-early", phone, "delivered", T0), Status("c-late", phone, "read", T0 + 3_600)));

        await _pipeline.ReceiveAndProcessAsync(how == "button" ? Button(phone, "OPT_OUT", "Stop", T0 + 4_000) : UserPreference(phone, "stop", T0 + 4_000));

        Assert.Equal((0, 1), ((await Ledger.GetFunnelAsync("c-early")).OptedOutAfter, (await Ledger.GetFunnelAsync("c-late")).OptedOutAfter));
    }

    [Fact]
    public async Task Failed131050_IsChargedToTheCampaignDeliveredBefore_NeverToTheFailingMessage()
    {
        const string phone = "+525512310005";
        await OptInAsync(phone);
        await SentAsync("c-before", phone, "a");
        await SentAsync("c-failing", phone, "a");
        await _pipeline.ReceiveAndProcessAsync(Statuses(Status("c-before", phone, "delivered", T0)));

        await _pipeline.ReceiveAndProcessAsync(Statuses(Status("c-failing", phone, "failed", T0 + 86_400, errorCode: 131050)));
        await _pipeline.ReceiveAndProcessAsync(UserPreference(phone, "stop", T0 + 86_000)); // the stop itself, reported too

        var failing = await Ledger.GetFunnelAsync("c-failing");
        Assert.Equal((1, 0), (failing.FailedByCode["131050"], failing.OptedOutAfter));
        Assert.Equal(1, (await Ledger.GetFunnelAsync("c-before")).OptedOutAfter);
    }

    [Fact]
    public async Task StopReply_AfterACartReminder_IsNotChargedToAnEarlierCampaign()
    {
        const string phone = "+525512310006";
        await SentAsync("c-promo", phone, "a");
        await SentAsync("cart:k1:0:0", phone, null);
        await _pipeline.ReceiveAndProcessAsync(Statuses(Status("c-promo", phone, "delivered", T0), Status("cart:k1:0:0", phone, "delivered", T0 + 60)));

        await _pipeline.ReceiveAndProcessAsync(Text(phone, "STOP", T0 + 120));

        Assert.Equal(0, (await Ledger.GetFunnelAsync("c-promo")).OptedOutAfter);
        Assert.Equal(0, (await Ledger.GetFunnelAsync("cart:k1:0:0")).OptedOutAfter);
    }

    private Task OptInAsync(string phone) => _pipeline.Core.Get<IConsentLedger>().RecordAsync(
        phone, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedIn, "checkout_checkbox", DateTimeOffset.FromUnixTimeSeconds(T0 - 86_400)));

    /// <summary>What the sender writes when Graph accepts the message (the variant travels only with the sender's record).</summary>
    private Task SentAsync(string campaignId, string phone, string? variant) =>
        Ledger.AdvanceSentAsync(new MessageKey(campaignId, phone), new MessageTransition(MessageState.Accepted, DateTimeOffset.FromUnixTimeSeconds(T0 - 5), WamId: $"wamid.{campaignId}", Variant: variant));

    /// <summary><c>GET /api/campaigns/{id}</c>'s body for a two-variant campaign, from the ledger's funnel.</summary>
    private async Task<JsonElement> ViewAsync(string campaignId)
    {
        var definition = new CampaignDefinition(
            campaignId, "spring", CampaignKind.Standard, TemplateCategory.Marketing,
            [new CampaignVariant("a", "spring_sale", "en_US"), new CampaignVariant("b", "spring_sale_b", "en_US")],
            new Segment(AnyOf: ["vip"]), [], null, SendPolicy.Default, [], DateTimeOffset.FromUnixTimeSeconds(T0 - 86_400));
        var record = new CampaignRecord(definition, CampaignState.Completed, null, true, true, FanOutTotals.Zero, DateTimeOffset.FromUnixTimeSeconds(T0));
        return JsonSerializer.SerializeToElement(CampaignView.Create(record, record.Totals, null, await Ledger.GetFunnelAsync(campaignId)));
    }
}
