using WhatsAppCampaigns.Core.Account;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Conversations;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;
using static WhatsAppCampaigns.IntegrationTests.Infrastructure.WebhookPayloads;

namespace WhatsAppCampaigns.IntegrationTests.Webhooks;

/// <summary>Inbound messages, preferences, template and account signals through the webhook queue, on Azurite.</summary>
public sealed class ConsentWebhookTests : IAsyncLifetime
{
    private const long T0 = 1_772_460_000;
    private static readonly DateTimeOffset OptedInAt = DateTimeOffset.FromUnixTimeSeconds(T0 - 3_600);
    private WebhookPipeline _pipeline = null!;

    private IConsentLedger Consent => _pipeline.Core.Get<IConsentLedger>();

    public async Task InitializeAsync() => _pipeline = await WebhookPipeline.StartAsync();

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    [Theory]
    [InlineData("en", "STOP")]
    [InlineData("en", "  unsubscribe ")]
    [InlineData("es", "Baja")]
    [InlineData("es", "ALTO!")]
    [InlineData("es", "no más")]
    [InlineData("id", "berhenti")]
    [InlineData("pt", "Parar")]
    [InlineData("pt", "sair")]
    public async Task OptOutKeyword_InEachLanguage_RecordsMarketingOptOut_AndOpensTheServiceWindow(string language, string text)
    {
        var phone = $"+5255123{Math.Abs(HashCode.Combine(language, text)) % 100_000:D5}";
        await Consent.RecordAsync(phone, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedIn, "checkout_checkbox", OptedInAt));

        await _pipeline.ReceiveAndProcessAsync(Text(phone, text, T0));

        var state = await Consent.GetAsync(phone, ConsentScope.Marketing);
        Assert.Equal((ConsentStatus.OptedOut, "whatsapp_keyword"), (state.Status!.Value, state.Source));
        Assert.False(state.AllowsSending);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(T0), await _pipeline.Core.Get<ICustomerServiceWindows>().LastInboundAsync(phone));
    }

    [Fact]
    public async Task OptOut_FromAMexicanWhatsAppIdWithItsOldMobileOne_LandsOnTheContactsE164()
    {
        const string contact = "+525512300009";
        await Consent.RecordAsync(contact, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedIn, "checkout_checkbox", OptedInAt));

        await _pipeline.ReceiveAndProcessAsync(Text("+5215512300009", "STOP", T0));

        Assert.Equal(ConsentStatus.OptedOut, (await Consent.GetAsync(contact, ConsentScope.Marketing)).Status);
    }

    [Fact]
    public async Task KeywordInsideASentence_IsNotAnOptOut()
    {
        const string phone = "+525512300001";
        await Consent.RecordAsync(phone, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedIn, "checkout_checkbox", OptedInAt));

        await _pipeline.ReceiveAndProcessAsync(Text(phone, "stop by the store tomorrow?", T0));

        Assert.True((await Consent.GetAsync(phone, ConsentScope.Marketing)).AllowsSending);
    }

    [Fact]
    public async Task OptOutButton_RecordsOptOutFromTheButton()
    {
        const string phone = "+525512300002";
        await Consent.RecordAsync(phone, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedIn, "checkout_checkbox", OptedInAt));

        await _pipeline.ReceiveAndProcessAsync(Button(phone, "STOP_PROMOTIONS", "Stop promotions", T0));

        var state = await Consent.GetAsync(phone, ConsentScope.Marketing);
        Assert.Equal((ConsentStatus.OptedOut, "whatsapp_button"), (state.Status!.Value, state.Source));
    }

    [Fact]
    public async Task UserPreferences_StopThenResume_FollowsThePerson()
    {
        const string phone = "+6281234500003";
        await Consent.RecordAsync(phone, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedIn, "checkout_checkbox", OptedInAt));

        await _pipeline.ReceiveAndProcessAsync(UserPreference(phone, "stop", T0));
        Assert.Equal(ConsentStatus.OptedOut, (await Consent.GetAsync(phone, ConsentScope.Marketing)).Status);

        await _pipeline.ReceiveAndProcessAsync(UserPreference(phone, "resume", T0 + 60));
        var state = await Consent.GetAsync(phone, ConsentScope.Marketing);
        Assert.Equal((ConsentStatus.OptedIn, "user_preferences"), (state.Status!.Value, state.Source));
    }

    [Fact]
    public async Task OptInKeyword_RecordsOptIn()
    {
        const string phone = "+525512300004";

        await _pipeline.ReceiveAndProcessAsync(Text(phone, "Alta", T0));

        Assert.True((await Consent.GetAsync(phone, ConsentScope.Marketing)).AllowsSending);
    }

    [Fact]
    public async Task TemplatePaused_UpdatesTheRegistry_AndPausesItsCampaigns()
    {
        var value = new System.Text.Json.Nodes.JsonObject
        {
            ["event"] = "PAUSED",
            ["message_template_id"] = 123,
            ["message_template_name"] = "promo_discount",
            ["message_template_language"] = "en_US",
            ["reason"] = "LOW_QUALITY",
        };

        await _pipeline.ReceiveAndProcessAsync(Wrap("message_template_status_update", value, T0));

        Assert.Equal(("promo_discount", "en_US", "PAUSED", (string?)null), Assert.Single(_pipeline.Templates.Updates));
        var pause = Assert.Single(_pipeline.Templates.Pauses);
        Assert.Equal(("promo_discount", "en_US"), (pause.Name, pause.Language));
    }

    [Fact]
    public async Task CapabilityAndThroughputUpdates_ChangeWhatSendersRead()
    {
        var signals = _pipeline.Core.Get<IAccountSignals>();
        Assert.Equal(250, (await signals.GetMessagingLimitAsync()).UniqueRecipientsPer24h);

        await _pipeline.ReceiveAndProcessAsync(Wrap("business_capability_update", new() { ["max_daily_conversations_per_business"] = 2000 }, T0));
        await _pipeline.ReceiveAndProcessAsync(Wrap("phone_number_quality_update", new()
        {
            ["display_phone_number"] = "15550001111",
            ["event"] = "THROUGHPUT_UPGRADE",
            ["max_daily_conversations_per_business"] = "TIER_UNLIMITED",
        }, T0 + 10));

        Assert.Null((await signals.GetMessagingLimitAsync()).UniqueRecipientsPer24h);
        Assert.Equal(1_000, (await signals.GetPhoneNumberAsync(PhoneNumberId)).MessagesPerSecond);
    }

    [Fact]
    public async Task UnknownFieldsAndEventTypes_AreSkippedWithoutFailing()
    {
        await _pipeline.ReceiveAndProcessAsync(Wrap("security", new() { ["event"] = "PIN_CHANGED", ["extra"] = new System.Text.Json.Nodes.JsonArray(1, 2) }));
        await _pipeline.ReceiveAndProcessAsync(Wrap("messages", new() { ["statuses"] = "not-an-array" }));
    }
}
