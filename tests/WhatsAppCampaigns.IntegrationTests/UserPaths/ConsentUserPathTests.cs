using System.Net;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.UserPaths;

/// <summary>Consent recorded through the API and through WhatsApp, as they really interleave.</summary>
public sealed class ConsentUserPathTests : IAsyncLifetime
{
    private RunningLocalRunner _runner = null!;

    private HttpClient Http => _runner.Http;

    public async Task InitializeAsync() => _runner = await RunningLocalRunner.StartAsync();

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    [Fact]
    public async Task Stop_InTheSameSecond_AsAnApiOptIn_LeavesThePersonOptedOut()
    {
        const string phone = "+525512349001";
        var now = DateTimeOffset.UtcNow;
        var optInAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, 640, TimeSpan.Zero).AddSeconds(-10);
        (await Http.PostConsentAsync(phone, "marketing", "opted_in", at: optInAt.ToString("O"))).EnsureSuccessStatusCode();

        // WhatsApp's STOP carries whole seconds: the same second as the opt-in, so it sorts 640 ms before it.
        await _runner.Get<TableConsentLedger>().RecordAsync(phone, new ConsentChange(
            ConsentScope.Marketing, ConsentStatus.OptedOut, "whatsapp_keyword", DateTimeOffset.FromUnixTimeSeconds(optInAt.ToUnixTimeSeconds()), "STOP"));

        var state = await _runner.Get<IConsentLedger>().GetAsync(phone, ConsentScope.Marketing);
        Assert.Equal(ConsentStatus.OptedOut, state.Status);
    }

    [Fact]
    public async Task Stop_AfterAnOptInFromAClockRunningAhead_LeavesThePersonOptedOut()
    {
        const string phone = "+525512349002";
        var realNow = DateTimeOffset.UtcNow;
        (await Http.PostConsentAsync(phone, "marketing", "opted_in", at: realNow.AddSeconds(90).ToString("O"))).EnsureSuccessStatusCode();
        await _runner.Get<IConsentLedger>().RecordAsync(phone, new ConsentChange(
            ConsentScope.Marketing, ConsentStatus.OptedOut, "user_preferences", DateTimeOffset.FromUnixTimeSeconds(realNow.ToUnixTimeSeconds() + 5)));

        Assert.Equal(ConsentStatus.OptedOut, (await _runner.Get<IConsentLedger>().GetAsync(phone, ConsentScope.Marketing)).Status);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("2008-12-31T23:59:59Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("+1d")]
    public async Task Consent_WithAnImpossibleTime_Is400AndRecordsNothing(string at)
    {
        const string phone = "+525512349003";
        var when = at == "+1d" ? DateTimeOffset.UtcNow.AddDays(1).ToString("O") : at;

        var response = await Http.PostConsentAsync(phone, "marketing", "opted_in", at: when);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("at", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/contacts/{Uri.EscapeDataString(phone)}")).StatusCode);
    }

    [Fact]
    public async Task Contact_WhoseStatedCountryContradictsTheNumber_Is400()
    {
        var response = await Http.PutContactAsync("+14155552671", new { country = "MX", tags = new[] { "vip" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("country", out _));
        Assert.Equal(HttpStatusCode.OK, (await Http.PutContactAsync("+14155552671", new { country = "US" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.PutContactAsync("5512345678", new { country = "MX" })).StatusCode);
    }

    [Fact]
    public async Task UsNumber_StoredAsMexicanBeforeTheCheck_IsExcludedFromMarketing_ByTheForecast()
    {
        await Http.PutTemplateAsync("spring_sale", "es_MX", "MARKETING");
        // Stored the way an older version accepted it: country taken on trust.
        var contact = new Contact("+14155552671", "MX", null, null, ["vip"], new Dictionary<string, string> { ["first_name"] = "Bob" }, DateTimeOffset.UtcNow);
        await _runner.Get<TableContactDirectory>().UpsertAsync(contact);
        (await Http.PostConsentAsync("+14155552671", "marketing", "opted_in")).EnsureSuccessStatusCode();
        const string body = """{"name":"spring","template":{"name":"spring_sale","language":"es_MX"},"audience":{"anyOf":["vip"]},"parameters":[{"attribute":"first_name"}]}""";

        var forecast = await (await Http.PostJsonAsync("/api/campaigns/forecast", body)).JsonAsync();

        Assert.Equal(0, forecast.GetProperty("eligible").GetInt64());
        Assert.Equal(1, forecast.GetProperty("excludedByReason").GetProperty("country_not_allowed").GetInt64());
    }
}
