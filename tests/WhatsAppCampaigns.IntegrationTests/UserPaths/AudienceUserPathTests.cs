using System.Net;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.UserPaths;

/// <summary>A missing, empty or mistyped audience never widens a send; "everyone" is only ever explicit.</summary>
public sealed class AudienceUserPathTests : IAsyncLifetime
{
    private RunningLocalRunner _runner = null!;

    private HttpClient Http => _runner.Http;

    public async Task InitializeAsync()
    {
        _runner = await RunningLocalRunner.StartAsync();
        await Http.PutTemplateAsync("spring_sale", "es_MX", "MARKETING");
        foreach (var (phone, tag) in new[] { ("+525512340001", "vip"), ("+525512340002", "vip"), ("+525512340003", "lapsed") })
        {
            (await Http.PutContactAsync(phone, new { tags = new[] { tag }, attributes = new { first_name = "Ana" } })).EnsureSuccessStatusCode();
            (await Http.PostConsentAsync(phone, "marketing", "opted_in")).EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    private static string Body(string? audience) =>
        $$"""{"name":"spring","template":{"name":"spring_sale","language":"es_MX"},"parameters":[{"attribute":"first_name"}]{{(audience is null ? "" : $",\"audience\":{audience}")}}}""";

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    [InlineData("""{"noneOf":["lapsed"]}""")]
    [InlineData("""{"anyOf":[],"allOf":[]}""")]
    public async Task LaunchOrForecast_WithoutASelection_Is400AudienceRequired_AndStartsNothing(string? audience)
    {
        foreach (var path in new[] { "/api/campaigns", "/api/campaigns/forecast" })
        {
            var response = await Http.PostJsonAsync(path, Body(audience));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.JsonAsync();
            Assert.Equal("audience_required", problem.GetProperty("code").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("audience", out _));
        }
    }

    [Fact]
    public async Task Launch_ToEveryone_OnlyWhenSaid_AndThe202SaysHowMany()
    {
        var response = await Http.PostJsonAsync("/api/campaigns", Body("""{"all":true}"""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.JsonAsync();
        Assert.Equal(3, accepted.GetProperty("audience").GetProperty("size").GetInt64());
        Assert.True(accepted.GetProperty("audience").GetProperty("exact").GetBoolean());
    }

    [Fact]
    public async Task Launch_ToASegmentThatMatchesNobody_Is422AudienceEmpty_AndTheForecastSaysZero()
    {
        var body = Body("""{"anyOf":["no_such_tag"]}""");

        var launch = await Http.PostJsonAsync("/api/campaigns", body);
        var forecast = await (await Http.PostJsonAsync("/api/campaigns/forecast", body)).JsonAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, launch.StatusCode);
        var problem = await launch.JsonAsync();
        Assert.Contains(problem.GetProperty("violations").EnumerateArray(), v => v.GetProperty("code").GetString() == "audience_empty");
        Assert.Equal(0, forecast.GetProperty("audienceSize").GetInt64());
        Assert.Equal(0, forecast.GetProperty("eligible").GetInt64());
    }

    [Theory]
    [InlineData("""{"anyOf":["a/b"]}""", "audience.anyOf")]
    [InlineData("""{"allOf":["x#y"]}""", "audience.allOf")]
    [InlineData("""{"anyOf":["vip"],"noneOf":["q?"]}""", "audience.noneOf")]
    [InlineData("""{"anyOf":["vip"],"attributes":{"a\\b":"1"}}""", "audience.attributes")]
    [InlineData("""{"anyOf":["😀"]}""", "audience.anyOf")]
    public async Task Launch_WithTagsOrAttributesContactsWouldRefuse_Is400(string audience, string field)
    {
        var response = await Http.PostJsonAsync("/api/campaigns", Body(audience));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
    }
}
