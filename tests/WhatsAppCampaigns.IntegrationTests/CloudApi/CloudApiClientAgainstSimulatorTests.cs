using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WhatsAppCampaigns.CloudApiSimulator;
using WhatsAppCampaigns.Core;
using WhatsAppCampaigns.Core.CloudApi;

namespace WhatsAppCampaigns.IntegrationTests.CloudApi;

/// <summary>The real client against the simulator over loopback HTTP: every error class, and what is retried.</summary>
public sealed class CloudApiClientAgainstSimulatorTests : IAsyncLifetime
{
    private const string Token = "client-test-token";
    private CloudApiSimulatorHost _simulator = null!;
    private ServiceProvider _services = null!;
    private ICloudApiClient _client = null!;

    private string PhoneNumberId => _simulator.PhoneNumber.Id;

    public async Task InitializeAsync()
    {
        _simulator = await CloudApiSimulatorHost.StartAsync(new CloudApiSimulatorOptions { AccessToken = Token, Seed = 7 });
        _services = BuildClient(Token);
        _client = _services.GetRequiredService<ICloudApiClient>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    private ServiceProvider BuildClient(string token)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WhatsApp:GraphBaseUrl"] = _simulator.BaseUrl.ToString(),
            ["WhatsApp:AccessToken"] = token,
            ["WhatsApp:BusinessAccountId"] = _simulator.Options.WabaId,
            ["WhatsApp:RetryBaseDelay"] = "00:00:00.020",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddLogging();
        services.AddOptions<Core.Configuration.WhatsAppOptions>().Bind(configuration.GetSection("WhatsApp"));
        services.AddCloudApiClient();
        return services.BuildServiceProvider();
    }

    private static TemplateMessage Cart(string to, string callback = "c1|r1") =>
        new(to, "cart_reminder", "es_MX", [TemplateComponent.Body("Ana", "zapatos")], callback);

    [Fact]
    public async Task Send_Accepted_ReachesGraphWithCallbackData()
    {
        var outcome = await _client.SendTemplateAsync(PhoneNumberId, Cart("+5215512340001", "camp-9|+5215512340001"));

        var accepted = Assert.IsType<SendOutcome.Accepted>(outcome);
        Assert.StartsWith("wamid.", accepted.MessageId);
        var entry = Assert.Single(_simulator.Ledger.EntriesTo("+5215512340001"));
        Assert.Equal("camp-9|+5215512340001", entry.BizOpaqueCallbackData);
    }

    [Fact]
    public async Task Send_AfterThroughputLimit_IsRetriedAndSucceeds()
    {
        _simulator.Scenario.FailNext(1, 130429);

        var outcome = await _client.SendTemplateAsync(PhoneNumberId, Cart("+5215512340002"));

        Assert.IsType<SendOutcome.Accepted>(outcome);
        Assert.Equal(1, _simulator.Ledger.RejectionCount(130429));
        Assert.Equal(1, _simulator.Ledger.CountTo("+5215512340002"));
    }

    [Fact]
    public async Task Send_StoppedUser_IsNotRetried()
    {
        _simulator.Scenario.FailNext(2, 131050);

        var outcome = await _client.SendTemplateAsync(PhoneNumberId, Cart("+5215512340003"));

        var refused = Assert.IsType<SendOutcome.Refused>(outcome);
        Assert.Equal((131050, ErrorClass.RecipientPermanent), (refused.Error.Code, refused.Error.Class));
        Assert.Equal(1, _simulator.Ledger.RejectionCount(131050));
        Assert.Equal(0, _simulator.Ledger.CountTo("+5215512340003"));
    }

    [Fact]
    public async Task Send_TransientErrorsThatPersist_AreRetriedThenReturnedAsTransient()
    {
        _simulator.Scenario.FailNext(10, 131000);

        var outcome = await _client.SendTemplateAsync(PhoneNumberId, Cart("+5215512340004"));

        Assert.Equal(ErrorClass.Transient, Assert.IsType<SendOutcome.Refused>(outcome).Error.Class);
        Assert.Equal(4, _simulator.Ledger.RejectionCount(131000));
    }

    [Fact]
    public async Task Send_PairRateLimit_ComesBackForDeferralWithSuggestedDelay()
    {
        _simulator.Scenario.FailNext(1, 131056);

        var refused = Assert.IsType<SendOutcome.Refused>(await _client.SendTemplateAsync(PhoneNumberId, Cart("+5215512340005")));

        Assert.Equal(ErrorClass.RateLimited, refused.Error.Class);
        Assert.True(refused.Error.RetryAfter >= TimeSpan.FromSeconds(6));
        Assert.Equal(1, _simulator.Ledger.RejectionCount(131056));
    }

    [Theory]
    [InlineData("no_such_template", "en_US", 132001)]
    [InlineData("paused_promo", "en_US", 132015)]
    [InlineData("disabled_promo", "en_US", 132016)]
    public async Task Send_UnusableTemplate_IsTemplatePermanent(string template, string language, int code)
    {
        var message = new TemplateMessage("+5215512340006", template, language, [TemplateComponent.Body("Ana")]);

        var refused = Assert.IsType<SendOutcome.Refused>(await _client.SendTemplateAsync(PhoneNumberId, message));

        Assert.Equal((code, ErrorClass.TemplatePermanent), (refused.Error.Code, refused.Error.Class));
    }

    [Fact]
    public async Task Send_WrongParameterCount_IsTemplatePermanent()
    {
        var message = new TemplateMessage("+5215512340007", "cart_reminder", "es_MX", [TemplateComponent.Body("only-one")]);

        var refused = Assert.IsType<SendOutcome.Refused>(await _client.SendTemplateAsync(PhoneNumberId, message));

        Assert.Equal((132000, ErrorClass.TemplatePermanent), (refused.Error.Code, refused.Error.Class));
    }

    [Fact]
    public async Task Send_WithWrongToken_IsAuthProblem()
    {
        await using var services = BuildClient("expired-token");

        var refused = Assert.IsType<SendOutcome.Refused>(await services.GetRequiredService<ICloudApiClient>().SendTemplateAsync(PhoneNumberId, Cart("+5215512340008")));

        Assert.Equal((190, ErrorClass.AuthOrAccount, 401), (refused.Error.Code, refused.Error.Class, refused.Error.HttpStatus));
    }

    [Fact]
    public async Task Send_FromUnknownPhoneNumber_IsInvalidRequest()
    {
        var refused = Assert.IsType<SendOutcome.Refused>(await _client.SendTemplateAsync("999999999999999", Cart("+5215512340009")));

        Assert.Equal(ErrorClass.InvalidRequest, refused.Error.Class);
    }

    [Fact]
    public async Task Send_BurstBeyondThroughput_AllAcceptedThroughRetries()
    {
        _simulator.Scenario.Limits = _simulator.Scenario.Limits with { ThroughputPerSecond = 10 };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 25).Select(i =>
            _client.SendTemplateAsync(PhoneNumberId, Cart($"+52155123411{i:D2}"))));

        Assert.All(outcomes, o => Assert.IsType<SendOutcome.Accepted>(o));
        Assert.True(_simulator.Ledger.RejectionCount(130429) > 0, "the burst should have hit the throughput limit");
        Assert.Equal(25, _simulator.Ledger.Count);
    }

    [Fact]
    public async Task ListTemplates_FollowsPaging()
    {
        var templates = await _client.ListTemplatesAsync();

        Assert.Equal(_simulator.Templates.All().Count, templates.Count);
        Assert.Contains(templates, t => t is { Name: "paused_promo", Status: "PAUSED" });
        Assert.Contains(templates, t => t is { Name: "order_update", Category: "UTILITY" });
    }
}
