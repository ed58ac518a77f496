using System.Net;
using System.Text;
using System.Text.Json;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Hosting;

/// <summary>
/// The local runner's edge: every JSON route refuses what is not JSON (415), a web page on another site cannot use the
/// API (403), and the host's own refusals carry a <c>code</c> like the handlers' do.
/// </summary>
public sealed class ApiEdgeTests : IAsyncLifetime
{
    private RunningLocalRunner _runner = null!;

    public async Task InitializeAsync() => _runner = await RunningLocalRunner.StartAsync();

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    public static TheoryData<string, string> JsonRoutes => new()
    {
        { "PUT", "/api/contacts/+525512345678" },
        { "POST", "/api/contacts/+525512345678/consent" },
        { "POST", "/api/carts/events" },
        { "PUT", "/api/templates/promo/en_US" },
        { "POST", "/api/campaigns" },
        { "POST", "/api/campaigns/forecast" },
        { "POST", "/api/campaigns/c-1/winner" },
    };

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task JsonRoute_RefusesEveryOtherContentType_With415AndACode(string method, string route)
    {
        string?[] types = ["text/plain", "application/x-www-form-urlencoded", "application/xml", "application/jsonx", "multipart/form-data; boundary=x", null];
        foreach (var type in types)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), route) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"name":"x"}""")) };
            if (type is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }

            using var response = await _runner.Http.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{method} {route} as {type ?? "(none)"}: {(int)response.StatusCode}");
            Assert.Equal("unsupported_media_type", await CodeAsync(response));
        }
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    public async Task CrossSiteRequest_IsRefused_BeforeAnyHandler(string header, string value)
    {
        using var request = Json(HttpMethod.Post, "/api/campaigns/forecast", """{"name":"x","template":{"name":"t","language":"en_US"},"audience":{"all":true}}""");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await _runner.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("cross_site_request", await CodeAsync(response));
    }

    [Fact]
    public async Task SameOriginRequest_IsServed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.TryAddWithoutValidation("Origin", _runner.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");

        using var response = await _runner.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/no-such-route", 404, "not_found")]
    [InlineData("GET", "/api/contacts//export", 404, "not_found")]
    [InlineData("DELETE", "/api/health", 405, "method_not_allowed")]
    public async Task HostRefusal_CarriesACode(string method, string route, int status, string code)
    {
        using var response = await _runner.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), route));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, await CodeAsync(response));
    }

    [Fact]
    public async Task BodyOverTheHostsLimit_Is413WithACode()
    {
        // Raw HTTP: Kestrel answers as soon as the declared length is over its limit and closes the connection, which an
        // HttpClient still uploading reports as a reset instead of the answer.
        var address = _runner.Http.BaseAddress!;
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var head = $"PUT /api/templates/promo/en_US HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {31 * 1024 * 1024}\r\n\r\n{{";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while (!answer.ToString().Contains("\"code\"", StringComparison.Ordinal) && (read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        var text = answer.ToString();
        Assert.StartsWith("HTTP/1.1 413", text, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"body_too_large\"", text, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Json(HttpMethod method, string route, string json) =>
        new(method, route) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
