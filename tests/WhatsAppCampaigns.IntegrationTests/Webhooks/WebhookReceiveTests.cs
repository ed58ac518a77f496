using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Api.Webhooks;
using WhatsAppCampaigns.Core.Configuration;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Webhooks;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Webhooks;

/// <summary>The webhook endpoint's GET handshake and POST fast path, against Azurite: what is refused stores nothing.</summary>
public sealed class WebhookReceiveTests : IAsyncLifetime
{
    private WebhookPipeline _pipeline = null!;
    private WebhookEndpoint _endpoint = null!;

    public async Task InitializeAsync()
    {
        _pipeline = await WebhookPipeline.StartAsync();
        var core = _pipeline.Core;
        _endpoint = new WebhookEndpoint(core.Get<WebhookReceiver>(), core.Get<IOptions<WhatsAppOptions>>(), core.Get<IOptions<WebhookOptions>>());
    }

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    [Fact]
    public void Verify_WithSubscribeAndMatchingToken_AnswersTheChallengeAsPlainText()
    {
        var result = _endpoint.Verify(Get("subscribe", "test-verify-token", "1158201444"));

        var text = Assert.IsType<ContentHttpResult>(result);
        Assert.Equal("1158201444", text.ResponseContent);
        Assert.StartsWith("text/plain", text.ContentType);
        Assert.Equal(200, text.StatusCode ?? 200);
    }

    [Theory]
    [InlineData("subscribe", "wrong-token")]
    [InlineData("unsubscribe", "test-verify-token")]
    [InlineData(null, null)]
    public void Verify_WithWrongTokenOrMode_Refuses(string? mode, string? token)
    {
        Assert.Equal(403, StatusOf(_endpoint.Verify(Get(mode, token, "42"))));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("wrong")]
    [InlineData("modified body")]
    public async Task Receive_WithoutAValidSignature_Is401AndStoresNothing(string kind)
    {
        var body = WebhookPayloads.Bytes(WebhookPayloads.Text("+5215512345678", "hola"));
        var signature = kind switch
        {
            "missing" => null,
            "wrong" => WebhookSignature.Compute(body, "another-secret"),
            _ => WebhookPayloads.Sign(body),
        };
        if (kind == "modified body")
        {
            body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("hola", "STOP"));
        }

        Assert.Equal(401, StatusOf(await _endpoint.ReceiveAsync(Post(body, signature), default)));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Receive_SignedPayload_Is200WithOneQueueMessage()
    {
        var body = WebhookPayloads.Bytes(WebhookPayloads.Text("+5215512345678", "hola"));

        Assert.Equal(200, StatusOf(await _endpoint.ReceiveAsync(Post(body, WebhookPayloads.Sign(body)), default)));

        var messages = (await _pipeline.ConsentQueue.PeekMessagesAsync(10)).Value;
        Assert.Single(messages);
        Assert.Contains("\"payload\":{", messages[0].Body.ToString());
    }

    /// <summary>What people send (keywords, buttons) and their preferences take the consent lane; statuses the other.</summary>
    [Theory]
    [InlineData("status", false)]
    [InlineData("inbound text", true)]
    [InlineData("user preference", true)]
    [InlineData("template update", false)]
    public async Task Receive_PutsConsentOnItsOwnLane(string kind, bool consent)
    {
        var payload = kind switch
        {
            "status" => WebhookPayloads.Statuses(WebhookPayloads.Status("c-1", "+5215512345678", "delivered", 1_772_460_000)),
            "inbound text" => WebhookPayloads.Text("+5215512345678", "STOP"),
            "user preference" => WebhookPayloads.UserPreference("+5215512345678", "stop"),
            _ => WebhookPayloads.Wrap("message_template_status_update", new System.Text.Json.Nodes.JsonObject { ["event"] = "PAUSED" }),
        };
        var body = WebhookPayloads.Bytes(payload);

        Assert.Equal(200, StatusOf(await _endpoint.ReceiveAsync(Post(body, WebhookPayloads.Sign(body)), default)));

        Assert.Equal(consent ? (0, 1) : (1, 0), (await CountAsync(_pipeline.Queue), await CountAsync(_pipeline.ConsentQueue)));
    }

    private static async Task<int> CountAsync(Azure.Storage.Queues.QueueClient queue) => (await queue.PeekMessagesAsync(32)).Value.Length;

    [Theory]
    [InlineData("malformed json", 400)]
    [InlineData("not an object", 400)]
    [InlineData("empty body", 400)]
    [InlineData("wrong content type", 415)]
    [InlineData("oversized body", 413)]
    public async Task Receive_BadInput_IsAClear4xxAndStoresNothing(string kind, int expected)
    {
        var body = kind switch
        {
            "malformed json" => Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"entry\":["),
            "not an object" => Encoding.UTF8.GetBytes("[1,2,3]"),
            "empty body" => [],
            "oversized body" => Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 1024 * 1024) + "\"}"),
            _ => WebhookPayloads.Bytes(WebhookPayloads.Text("+5215512345678", "hola")),
        };
        var request = Post(body, WebhookPayloads.Sign(body), kind == "wrong content type" ? "text/plain" : "application/json");

        var result = await _endpoint.ReceiveAsync(request, default);

        Assert.Equal(expected, StatusOf(result));
        Assert.Contains("\"code\":", await BodyOf(result));
        await AssertNothingStoredAsync();
    }

    private async Task AssertNothingStoredAsync()
    {
        Assert.Empty((await _pipeline.Queue.PeekMessagesAsync(10)).Value);
        Assert.Empty((await _pipeline.ConsentQueue.PeekMessagesAsync(10)).Value);
        var storage = _pipeline.Core.Get<StorageClients>();
        var container = storage.Blobs.GetBlobContainerClient(storage.Names.WebhookPayloadsContainer);
        await foreach (var blob in container.GetBlobsAsync())
        {
            Assert.Fail($"unexpected blob {blob.Name}");
        }
    }

    private static HttpRequest Get(string? mode, string? token, string challenge)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = QueryString.Create(new Dictionary<string, string?>
        {
            ["hub.mode"] = mode,
            ["hub.verify_token"] = token,
            ["hub.challenge"] = challenge,
        }.Where(p => p.Value is not null));
        return context.Request;
    }

    private static HttpRequest Post(byte[] body, string? signature, string contentType = "application/json")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        if (signature is not null)
        {
            context.Request.Headers[WebhookSignature.HeaderName] = signature;
        }

        return context.Request;
    }

    private static int StatusOf(IResult result) => (result as IStatusCodeHttpResult)?.StatusCode ?? 200;

    private static async Task<string> BodyOf(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        return Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
    }
}
