using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Webhooks;
using WhatsAppCampaigns.Core.Webhooks.Handlers;

namespace WhatsAppCampaigns.Core.Tests.Webhooks;

public sealed class StatusUpdateHandlerTests
{
    private readonly Mock<IMessageLedger> _ledger = new();
    private readonly Mock<IConsentLedger> _consent = new();
    private readonly Mock<IContactDirectory> _contacts = new();

    private StatusUpdateHandler Handler => new(
        _ledger.Object,
        _contacts.Object,
        new OptOutAttributor(_ledger.Object, _consent.Object, Options.Create(new CampaignOptions()), NullLogger<OptOutAttributor>.Instance),
        Options.Create(new WebhookOptions()),
        new WebhookProcessingStats(NullLogger<WebhookProcessingStats>.Instance),
        NullLogger<StatusUpdateHandler>.Instance);

    [Theory]
    [InlineData("sent", MessageState.Sent)]
    [InlineData("delivered", MessageState.Delivered)]
    [InlineData("read", MessageState.Read)]
    [InlineData("failed", MessageState.Failed)]
    public async Task Status_AdvancesItsMessageWithTimeAndPricing(string status, MessageState expected)
    {
        await Handler.HandleAsync(Change($$$"""{"statuses":[{"id":"wamid.1","status":"{{{status}}}","timestamp":"1772460000","biz_opaque_callback_data":"camp-1|+525512345678","pricing":{"category":"marketing"}}]}"""), default);

        _ledger.Verify(l => l.AdvanceAsync(
            new MessageKey("camp-1", "+525512345678"),
            It.Is<MessageTransition>(t => t.To == expected && t.At == DateTimeOffset.FromUnixTimeSeconds(1772460000) && t.WamId == "wamid.1" && t.PricingCategory == "marketing"),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Failed_131026_MarksTheContactUndeliverable_WithTheCode()
    {
        await Handler.HandleAsync(Change("""{"statuses":[{"status":"failed","timestamp":"1772460000","biz_opaque_callback_data":"c|+525512345678","errors":[{"code":131026}]}]}"""), default);

        _ledger.Verify(l => l.AdvanceAsync(It.IsAny<MessageKey>(), It.Is<MessageTransition>(t => t.ErrorCode == 131026 && t.Reason == "graph_131026"), It.IsAny<CancellationToken>()));
        _contacts.Verify(c => c.MarkUndeliverableAsync("+525512345678", "graph_131026", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()));
        _consent.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Failed_131050_OptsOut_AndChargesTheMessageLastDelivered_NotTheFailedOne()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1772460000);
        var earlier = new MessageKey("spring-sale", "+525512345678");
        _ledger.Setup(l => l.FindLastDeliveredAsync("+525512345678", at, TimeSpan.FromDays(7), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MessageDelivery(earlier, at.AddDays(-2), "b"));

        await Handler.HandleAsync(Change("""{"statuses":[{"status":"failed","timestamp":"1772460000","biz_opaque_callback_data":"summer|+525512345678","errors":[{"code":131050}]}]}"""), default);

        _consent.Verify(c => c.RecordAsync("+525512345678", It.Is<ConsentChange>(x => x.Status == ConsentStatus.OptedOut && x.Source == "graph_131050"), It.IsAny<CancellationToken>()));
        _ledger.Verify(l => l.RecordOptOutAfterAsync(earlier, at, It.IsAny<CancellationToken>()));
        _ledger.Verify(l => l.RecordOptOutAfterAsync(new MessageKey("summer", "+525512345678"), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Failed_131050_AfterACartReminder_ChargesNoCampaign()
    {
        _ledger.Setup(l => l.FindLastDeliveredAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MessageDelivery(new MessageKey("cart:c1:0:1", "+525512345678"), DateTimeOffset.UnixEpoch, null));

        await Handler.HandleAsync(Change("""{"statuses":[{"status":"failed","timestamp":"1772460000","biz_opaque_callback_data":"summer|+525512345678","errors":[{"code":131050}]}]}"""), default);

        _ledger.Verify(l => l.RecordOptOutAfterAsync(It.IsAny<MessageKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("""{"statuses":[{"status":"delivered","timestamp":"1772460000"}]}""")]
    [InlineData("""{"statuses":[{"status":"deleted","biz_opaque_callback_data":"c|+525512345678"}]}""")]
    [InlineData("""{"messages":[{"from":"525512345678","type":"text","text":{"body":"hi"}}]}""")]
    public async Task NotOurs_UnknownKind_OrNoStatuses_TouchNothing(string value)
    {
        await Handler.HandleAsync(Change(value), default);

        _ledger.VerifyNoOtherCalls();
    }

    private static WebhookChangeContext Change(string value) =>
        new("messages", JsonDocument.Parse(value).RootElement, DateTimeOffset.UnixEpoch);
}
