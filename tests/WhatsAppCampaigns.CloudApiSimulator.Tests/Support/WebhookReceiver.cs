using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WhatsAppCampaigns.CloudApiSimulator.Tests.Support;

/// <summary>A real webhook endpoint on loopback that keeps every POST's raw bytes and signature header.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const string VerifyToken = "sim-verify-token";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    /// <summary>The next <paramref name="count"/> POSTs are answered 500 (and still recorded).</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/webhook", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var failing = Interlocked.Decrement(ref receiver._failuresLeft) >= 0;
            receiver._received.Enqueue(new ReceivedWebhook(buffer.ToArray(), request.Headers["X-Hub-Signature-256"].ToString(), failing));
            return failing ? Results.StatusCode(500) : Results.Ok();
        });
        app.MapGet("/webhook", (HttpRequest request) =>
            request.Query["hub.mode"] == "subscribe" && request.Query["hub.verify_token"] == VerifyToken
                ? Results.Text(request.Query["hub.challenge"].ToString())
                : Results.StatusCode(403));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/webhook");
        return receiver;
    }

    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (_received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One POST as received.</summary>
internal sealed record ReceivedWebhook(byte[] Body, string Signature, bool AnsweredWithError)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary><c>entry[0].changes[0]</c>.</summary>
    public JsonElement Change => Json.GetProperty("entry")[0].GetProperty("changes")[0];

    /// <summary><c>entry[0].changes[0].value.statuses[0]</c>.</summary>
    public JsonElement Status => Change.GetProperty("value").GetProperty("statuses")[0];

    public bool IsStatus => Change.GetProperty("value").TryGetProperty("statuses", out _);
}
