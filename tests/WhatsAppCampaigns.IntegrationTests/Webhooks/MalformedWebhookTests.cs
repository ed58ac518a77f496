using System.Text.Json.Nodes;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Webhooks;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;
using static WhatsAppCampaigns.IntegrationTests.Infrastructure.WebhookPayloads;

namespace WhatsAppCampaigns.IntegrationTests.Webhooks;

/// <summary>
/// Signed payloads that parse but make no sense: processing never throws for them (a throw means retries and then the
/// poison queue), counts them as dropped, and still applies the good changes and items beside them.
/// </summary>
public sealed class MalformedWebhookTests : IAsyncLifetime
{
    private const long T0 = 1_772_460_000;
    private static readonly DateTimeOffset OptedInAt = DateTimeOffset.FromUnixTimeSeconds(T0 - 3_600);
    private WebhookPipeline _pipeline = null!;

    private IConsentLedger Consent => _pipeline.Core.Get<IConsentLedger>();

    private WebhookProcessingStats Stats => _pipeline.Core.Get<WebhookProcessingStats>();

    public async Task InitializeAsync() => _pipeline = await WebhookPipeline.StartAsync();

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    public static TheoryData<string> Cases => new(WebhookFuzz.MalformedCases);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadPart_IsDroppedOnce_AndTheStopBesideItIsApplied(string name)
    {
        var phone = $"+5255100{Array.IndexOf(WebhookFuzz.MalformedCases, name):D5}";
        await Consent.RecordAsync(phone, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedIn, "checkout_checkbox", OptedInAt));
        var before = Stats.Dropped;

        Assert.Equal(WebhookReceipt.Accepted, await _pipeline.ReceiveAsync(Bytes(WebhookFuzz.Malformed(name, phone))));
        Assert.Equal(1, await _pipeline.DrainAsync()); // throws if processing throws

        Assert.Equal(ConsentStatus.OptedOut, (await Consent.GetAsync(phone, ConsentScope.Marketing)).Status);
        Assert.True(Stats.Dropped > before, $"{name}: nothing counted as dropped");
    }

    [Fact]
    public async Task StatusNamingACampaign_ForARecipientNeverMessaged_CountsNothing()
    {
        var statuses = Enumerable.Range(0, 5).Select(i => Status("c-never", $"+52155123{i:D5}", "delivered", T0)).ToArray();

        await _pipeline.ReceiveAndProcessAsync(Statuses(statuses));

        var funnel = await _pipeline.Core.Get<IMessageLedger>().GetFunnelAsync("c-never");
        Assert.Equal((0, 0, 0, 0), (funnel.Accepted, funnel.Sent, funnel.Delivered, funnel.Read));
        Assert.Null(await _pipeline.Core.Get<IMessageLedger>().GetAsync(new MessageKey("c-never", "+5215512300000")));
    }
}
