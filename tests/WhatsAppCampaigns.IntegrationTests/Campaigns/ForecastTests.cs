using WhatsAppCampaigns.Api.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using Microsoft.Extensions.DependencyInjection;

namespace WhatsAppCampaigns.IntegrationTests.Campaigns;

public sealed class ForecastTests
{
    [Fact]
    public async Task Forecast_MatchesWhatTheRunThenDoes()
    {
        await using var harness = await CampaignHarness.StartAsync(pageSize: 40);
        await harness.SeedContactsAsync(120);                                  // eligible
        await harness.SeedContactsAsync(15, offset: 200, marketingConsent: false); // no consent
        var optedOut = await harness.SeedContactsAsync(10, offset: 300);
        foreach (var phone in optedOut)
        {
            await harness.OptOutAsync(phone, ConsentScope.Marketing);
        }

        await harness.SeedContactsAsync(7, offset: 400, country: "US");        // marketing closed to US
        await harness.SeedContactsAsync(4, offset: 500, withName: false);     // no first_name and no default
        const string body = """
            {"name":"spring","template":{"name":"spring_sale","language":"en_US"},
             "audience":{"anyOf":["vip"]},"parameters":[{"attribute":"first_name"}]}
            """;
        var forecastEndpoint = ActivatorUtilities.CreateInstance<ForecastEndpoint>(harness.Core.Provider);

        var forecast = await CampaignControlTests.BodyOf(await forecastEndpoint.PostAsync(LaunchPolicyTests.Request(body), default));
        var launched = await CampaignControlTests.BodyOf(await CampaignControlTests.Endpoint(harness).CreateAsync(LaunchPolicyTests.Request(body), harness.Client, default));
        var run = (await harness.WaitForCompletionAsync(launched.GetProperty("id").GetString()!)).ReadOutputAs<Core.Campaigns.CampaignRunStatus>()!;

        Assert.Equal(120, forecast.GetProperty("eligible").GetInt64());
        Assert.Equal(run.Totals.Enqueued, forecast.GetProperty("eligible").GetInt64());
        Assert.Equal(run.Totals.AudienceSize, forecast.GetProperty("audienceSize").GetInt64());
        var excluded = forecast.GetProperty("excludedByReason").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(run.Totals.Skipped.OrderBy(p => p.Key), excluded.OrderBy(p => p.Key));
        Assert.Equal(new Dictionary<string, long> { ["no_consent"] = 15, ["opted_out"] = 10, ["country_not_allowed"] = 7, ["missing_parameter"] = 4 }.OrderBy(p => p.Key), excluded.OrderBy(p => p.Key));
        Assert.Equal(120, harness.Queue.Sent.Count);
        // 120 eligible, limit 1,000 a day, 80 messages/s: all within the first window, 1.5 s after the start.
        var start = forecast.GetProperty("startAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromSeconds(1.5), forecast.GetProperty("lastSendAt").GetDateTimeOffset() - start);
    }
}
