using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using WhatsAppCampaigns.CloudApiSimulator.Diagnostics;
using WhatsAppCampaigns.CloudApiSimulator.Hosting;
using WhatsAppCampaigns.CloudApiSimulator.Ledger;
using WhatsAppCampaigns.CloudApiSimulator.Scenario;
using WhatsAppCampaigns.CloudApiSimulator.Templates;
using WhatsAppCampaigns.CloudApiSimulator.Webhooks;

namespace WhatsAppCampaigns.CloudApiSimulator;

/// <summary>
/// A running Cloud API simulator: Kestrel on 127.0.0.1 serving Graph's message, template and phone-number calls,
/// the <c>/_sim</c> control API, and signed webhooks to <see cref="CloudApiSimulatorOptions.WebhookUrl"/>.
/// </summary>
public sealed class CloudApiSimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorContext _context;
    private readonly InboundWebhookPoster _inbound;
    private readonly WebhookDispatcher _dispatcher;

    private CloudApiSimulatorHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        _context = app.Services.GetRequiredService<SimulatorContext>();
        _inbound = app.Services.GetRequiredService<InboundWebhookPoster>();
        _dispatcher = app.Services.GetRequiredService<WebhookDispatcher>();
    }

    /// <summary>Graph base, e.g. <c>http://127.0.0.1:54321/</c>; sends go to <c>{BaseUrl}v23.0/{phone-number-id}/messages</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The options the simulator started with.</summary>
    public CloudApiSimulatorOptions Options => _context.Options;

    /// <summary>Accepted sends and rejection counts.</summary>
    public MessageLedger Ledger => _context.Ledger;

    /// <summary>The simulated world, changeable while it runs.</summary>
    public SimulatorScenario Scenario => _context.Scenario;

    /// <summary>Registered templates.</summary>
    public TemplateRegistry Templates => _context.Templates;

    /// <summary>Webhook traffic counts and each message's planned statuses.</summary>
    public WebhookStats Webhooks => _context.WebhookStats;

    /// <summary>The first (default) business phone number.</summary>
    public SimulatedPhoneNumber PhoneNumber => _context.DefaultPhoneNumber;

    /// <summary>Starts the simulator. <paramref name="timeProvider"/> drives every limit window and timestamp (default: system clock).</summary>
    public static async Task<CloudApiSimulatorHost> StartAsync(
        CloudApiSimulatorOptions? options = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        options ??= new CloudApiSimulatorOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(CloudApiSimulatorHost).Assembly.GetName().Name,
        });
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        // Per-request HttpClient logs would drown the simulator's own; they carry no phone numbers but add nothing.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddCloudApiSimulator(options, timeProvider ?? TimeProvider.System);

        var app = builder.Build();
        app.MapCloudApiSimulator();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var host = new CloudApiSimulatorHost(app, new Uri(address.TrimEnd('/') + "/"));
        SimulatorLog.Started(app.Logger, host.BaseUrl.ToString(), options.WebhookUrl?.GetLeftPart(UriPartial.Path) ?? "(none: statuses only recorded)");
        return host;
    }

    /// <summary>Posts an inbound text message from a user (e.g. "STOP").</summary>
    public Task<WebhookPostResult> PostInboundTextAsync(string fromWaId, string body, string? profileName = null, CancellationToken cancellationToken = default) =>
        _inbound.PostTextAsync(fromWaId, body, profileName, null, cancellationToken);

    /// <summary>Posts a quick-reply button tap; <paramref name="contextWamid"/> is the template message answered.</summary>
    public Task<WebhookPostResult> PostInboundButtonAsync(
        string fromWaId, string payload, string text, string? contextWamid = null, string? profileName = null, CancellationToken cancellationToken = default) =>
        _inbound.PostButtonAsync(fromWaId, payload, text, contextWamid, profileName, null, cancellationToken);

    /// <summary>Posts a <c>user_preferences</c> change ("stop" or "resume") and applies it: stopped users' marketing then fails with 131050.</summary>
    public Task<WebhookPostResult> PostUserPreferenceAsync(string waId, string value, CancellationToken cancellationToken = default) =>
        _inbound.PostUserPreferenceAsync(waId, value, cancellationToken);

    /// <summary>Posts a <c>message_template_status_update</c> and applies it (PAUSED → 132015, DISABLED → 132016, REINSTATED → sendable).</summary>
    public Task<WebhookPostResult> PostTemplateStatusAsync(string name, string language, string @event, string? reason = null, CancellationToken cancellationToken = default) =>
        _inbound.PostTemplateStatusAsync(name, language, @event, reason, cancellationToken);

    /// <summary>Signs and posts any payload as is.</summary>
    public Task<WebhookPostResult> PostRawWebhookAsync(JsonNode payload, CancellationToken cancellationToken = default) =>
        _inbound.PostRawAsync(payload, cancellationToken);

    /// <summary>Performs Meta's verification GET against the webhook URL; true when the challenge came back.</summary>
    public Task<bool> VerifyWebhookAsync(string? verifyToken = null, CancellationToken cancellationToken = default) =>
        _app.Services.GetRequiredService<WebhookVerification>().VerifyAsync(verifyToken, cancellationToken);

    /// <summary>Waits until every scheduled status webhook was delivered or given up; false on timeout.</summary>
    public Task<bool> WaitForWebhooksIdleAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _dispatcher.WaitForIdleAsync(timeout, cancellationToken);

    /// <summary>Completes when the host is asked to stop (Ctrl+C or SIGTERM when run standalone).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
