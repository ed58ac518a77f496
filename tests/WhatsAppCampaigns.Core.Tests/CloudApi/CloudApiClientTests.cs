using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Moq.Protected;
using WhatsAppCampaigns.Core.CloudApi;
using WhatsAppCampaigns.Core.Configuration;

namespace WhatsAppCampaigns.Core.Tests.CloudApi;

public sealed class CloudApiClientTests
{
    private const string Accepted = """{"messaging_product":"whatsapp","contacts":[{"input":"+5215512345678","wa_id":"5215512345678"}],"messages":[{"id":"wamid.OK","message_status":"accepted"}]}""";

    private static string GraphError(int code) =>
        $$$"""{"error":{"message":"m","type":"OAuthException","code":{{{code}}},"error_data":{"messaging_product":"whatsapp","details":"d"},"fbtrace_id":"T"}}""";

    private static readonly TemplateMessage Message = new("+5215512345678", "promo", "es_MX", [TemplateComponent.Body("Ana")], "c1:r1");

    [Fact]
    public async Task Send_Accepted_ReturnsMessageId()
    {
        var (client, handler) = Create((HttpStatusCode.OK, Accepted));

        var outcome = await client.SendTemplateAsync("106540352242922", Message);

        var accepted = Assert.IsType<SendOutcome.Accepted>(outcome);
        Assert.Equal("wamid.OK", accepted.MessageId);
        Assert.Equal("5215512345678", accepted.WaId);
        handler.Protected().Verify("SendAsync", Times.Once(), ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>());
    }

    [Fact]
    public async Task Send_ThroughputLimitThenAccepted_RetriesAndSucceeds()
    {
        var (client, handler) = Create((HttpStatusCode.BadRequest, GraphError(130429)), (HttpStatusCode.OK, Accepted));

        var outcome = await client.SendTemplateAsync("106540352242922", Message);

        Assert.IsType<SendOutcome.Accepted>(outcome);
        handler.Protected().Verify("SendAsync", Times.Exactly(2), ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>());
    }

    [Theory]
    [InlineData(131050, ErrorClass.RecipientPermanent)]
    [InlineData(131049, ErrorClass.RateLimited)]
    [InlineData(132015, ErrorClass.TemplatePermanent)]
    [InlineData(190, ErrorClass.AuthOrAccount)]
    public async Task Send_NotRetryableInProcess_CallsGraphOnce(int code, ErrorClass expected)
    {
        var (client, handler) = Create((HttpStatusCode.BadRequest, GraphError(code)), (HttpStatusCode.OK, Accepted));

        var outcome = await client.SendTemplateAsync("106540352242922", Message);

        var refused = Assert.IsType<SendOutcome.Refused>(outcome);
        Assert.Equal(code, refused.Error.Code);
        Assert.Equal(expected, refused.Error.Class);
        handler.Protected().Verify("SendAsync", Times.Once(), ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>());
    }

    [Fact]
    public async Task Send_TransientErrorsBeyondRetries_ReturnsTransientRefusal()
    {
        var (client, handler) = Create(
            (HttpStatusCode.InternalServerError, GraphError(131000)),
            (HttpStatusCode.InternalServerError, GraphError(131000)),
            (HttpStatusCode.InternalServerError, GraphError(131000)),
            (HttpStatusCode.InternalServerError, GraphError(131000)));

        var outcome = await client.SendTemplateAsync("106540352242922", Message);

        Assert.Equal(ErrorClass.Transient, Assert.IsType<SendOutcome.Refused>(outcome).Error.Class);
        handler.Protected().Verify("SendAsync", Times.Exactly(4), ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>());
    }

    [Fact]
    public async Task Send_WithRetriesTurnedOff_ReturnsTheFirstRefusal()
    {
        var (client, handler) = Create(0, (HttpStatusCode.BadRequest, GraphError(130429)), (HttpStatusCode.OK, Accepted));

        var outcome = await client.SendTemplateAsync("106540352242922", Message);

        Assert.Equal(130429, Assert.IsType<SendOutcome.Refused>(outcome).Error.Code);
        handler.Protected().Verify("SendAsync", Times.Once(), ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>());
    }

    [Fact]
    public async Task Send_NonGraphErrorBody_IsClassifiedByStatus()
    {
        var (client, _) = Create((HttpStatusCode.Forbidden, "<html>denied</html>"));

        var outcome = await client.SendTemplateAsync("106540352242922", Message);

        Assert.Equal(ErrorClass.InvalidRequest, Assert.IsType<SendOutcome.Refused>(outcome).Error.Class);
    }

    [Fact]
    public async Task Send_WritesGraphRequestShape()
    {
        string? body = null;
        var handler = new Mock<HttpMessageHandler>();
        handler.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .Returns(async (HttpRequestMessage request, CancellationToken ct) =>
            {
                body = await request.Content!.ReadAsStringAsync(ct);
                Assert.Equal("Bearer", request.Headers.Authorization?.Scheme);
                Assert.EndsWith("/v24.0/106540352242922/messages", request.RequestUri!.AbsolutePath);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Accepted, Encoding.UTF8, "application/json") };
            });
        var client = CreateClient(handler.Object);

        await client.SendTemplateAsync("106540352242922", Message);

        Assert.Contains("\"messaging_product\":\"whatsapp\"", body);
        Assert.Contains("\"biz_opaque_callback_data\":\"c1:r1\"", body);
        Assert.Contains("\"language\":{\"code\":\"es_MX\"}", body);
        Assert.Contains("\"parameters\":[{\"type\":\"text\",\"text\":\"Ana\"}]", body);
    }

    private static (CloudApiClient Client, Mock<HttpMessageHandler> Handler) Create(params (HttpStatusCode Status, string Body)[] answers) =>
        Create(3, answers);

    private static (CloudApiClient Client, Mock<HttpMessageHandler> Handler) Create(int retries, params (HttpStatusCode Status, string Body)[] answers)
    {
        var queue = new Queue<(HttpStatusCode Status, string Body)>(answers);
        var handler = new Mock<HttpMessageHandler>();
        handler.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .ReturnsAsync(() =>
            {
                var (status, body) = queue.Dequeue();
                return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            });
        return (CreateClient(handler.Object, retries), handler);
    }

    private static CloudApiClient CreateClient(HttpMessageHandler handler, int retries = 3)
    {
        var settings = new WhatsAppOptions
        {
            GraphBaseUrl = new Uri("http://graph.test/"),
            AccessToken = "token",
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxInProcessRetryDelay = TimeSpan.FromSeconds(2),
            MaxSendRetries = retries,
        };
        var monitor = Mock.Of<IOptionsMonitor<WhatsAppOptions>>(m => m.CurrentValue == settings);
        var resilience = new CloudApiResilience(Options.Create(settings), TimeProvider.System);
        return new CloudApiClient(new HttpClient(handler) { BaseAddress = settings.GraphBaseUrl }, monitor, resilience, NullLogger<CloudApiClient>.Instance);
    }
}
