using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Templates;
using WhatsAppCampaigns.Core.Webhooks;
using WhatsAppCampaigns.Core.Webhooks.Handlers;

namespace WhatsAppCampaigns.Core.Tests.Webhooks;

public sealed class TemplateUpdateHandlerTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private readonly Mock<ITemplateRegistry> _registry = new();
    private readonly Mock<ICampaignControl> _campaigns = new();

    private TemplateUpdateHandler Handler => new(NullLogger<TemplateUpdateHandler>.Instance, new WebhookProcessingStats(NullLogger<WebhookProcessingStats>.Instance), _registry.Object, _campaigns.Object);

    [Theory]
    [InlineData("PAUSED")]
    [InlineData("DISABLED")]
    public async Task PausedOrDisabled_UpdatesTheRegistry_AndPausesItsCampaigns(string status)
    {
        _campaigns.Setup(c => c.PauseUsingTemplateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(["c1"]);

        await Handler.HandleAsync(Change(TemplateUpdateHandler.StatusField, $$"""{"event":"{{status}}","message_template_name":"promo","message_template_language":"es_MX","reason":"LOW_QUALITY"}"""), default);

        _registry.Verify(r => r.UpdateStatusAsync("promo", "es_MX", status, null, At, It.IsAny<CancellationToken>()));
        _campaigns.Verify(c => c.PauseUsingTemplateAsync("promo", "es_MX", It.Is<string>(s => s.StartsWith("template_")), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Approved_UpdatesTheRegistryOnly()
    {
        await Handler.HandleAsync(Change(TemplateUpdateHandler.StatusField, """{"event":"APPROVED","message_template_name":"promo","message_template_language":"es_MX"}"""), default);

        _registry.Verify(r => r.UpdateStatusAsync("promo", "es_MX", "APPROVED", null, At, It.IsAny<CancellationToken>()));
        _campaigns.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task QualityUpdate_RecordsTheNewQuality()
    {
        await Handler.HandleAsync(Change(TemplateUpdateHandler.QualityField, """{"previous_quality_score":"GREEN","new_quality_score":"YELLOW","message_template_name":"promo","message_template_language":"es_MX"}"""), default);

        _registry.Verify(r => r.UpdateStatusAsync("promo", "es_MX", null, "YELLOW", At, It.IsAny<CancellationToken>()));
    }

    private static WebhookChangeContext Change(string field, string value) => new(field, JsonDocument.Parse(value).RootElement, At);
}
