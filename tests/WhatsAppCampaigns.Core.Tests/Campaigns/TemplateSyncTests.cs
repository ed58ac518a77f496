using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using WhatsAppCampaigns.Core.CloudApi;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Tests.Campaigns;

public sealed class TemplateSyncTests
{
    [Fact]
    public async Task Sync_RecordsEachGraphTemplateWithCategoryStatusAndParameterCount()
    {
        var body = JsonDocument.Parse("""{"type":"BODY","text":"Hi {{1}}, {{2}} off today"}""").RootElement;
        var graph = new Mock<ICloudApiClient>();
        graph.Setup(g => g.ListTemplatesAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new GraphTemplate("1", "spring_sale", "en_US", "APPROVED", "MARKETING", [body]),
            new GraphTemplate("2", "order_update", "es_MX", "paused", "UTILITY", []),
            new GraphTemplate("3", "odd", "en_US", "APPROVED", "SOMETHING_NEW", []),
        ]);
        var stored = new List<TemplateRecord>();
        var registry = new Mock<ITemplateRegistry>();
        registry.Setup(r => r.UpsertAsync(It.IsAny<TemplateRecord>(), It.IsAny<CancellationToken>()))
            .Callback((TemplateRecord t, CancellationToken _) => stored.Add(t)).Returns(Task.CompletedTask);

        var result = await new TemplateSync(graph.Object, registry.Object, new FakeTimeProvider(), NullLogger<TemplateSync>.Instance).RunAsync(default);

        Assert.Equal(2, result.Synced);
        Assert.Equal(["odd/en_US"], result.SkippedUnknownCategory);
        Assert.Equal((TemplateCategory.Marketing, "APPROVED", 2, true), (stored[0].Category, stored[0].Status, stored[0].ParameterCount, stored[0].IsSendable));
        Assert.Equal((TemplateCategory.Utility, "PAUSED", false), (stored[1].Category, stored[1].Status, stored[1].IsSendable));
        Assert.Contains("BODY", stored[0].ComponentsJson);
    }
}
