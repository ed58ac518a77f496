using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Webhooks;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Hosting;

/// <summary>
/// The API and webhook flows on the running local runner at its default log levels: no log line holds a phone
/// number (in any of its forms), the verify token, the app secret or the access token.
/// </summary>
public sealed class LogPrivacyTests : IAsyncLifetime
{
    private const string Phone = "+525512345678";
    private readonly CapturingLoggerProvider _logs = new();
    private RunningLocalRunner _runner = null!;

    public async Task InitializeAsync() => _runner = await RunningLocalRunner.StartAsync(configure: s => s.AddSingleton<ILoggerProvider>(_logs));

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    [Fact]
    public async Task ApiAndWebhookFlows_LogNoPhoneNumberTokenOrSecret()
    {
        var http = _runner.Http;
        (await http.PutAsJsonAsync($"/api/contacts/{Phone}", new { tags = new[] { "vip" }, attributes = new { first_name = "Ana" } })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/contacts/{Phone}/consent", new { scope = "marketing", status = "opted_in", source = "checkout_checkbox" })).EnsureSuccessStatusCode();
        (await http.GetAsync($"/api/contacts/{Phone}")).EnsureSuccessStatusCode();
        (await http.GetAsync($"/api/contacts/{Phone}/export")).EnsureSuccessStatusCode();
        await http.GetAsync("/api/contacts/+52551234567x");
        (await http.GetAsync("/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444")).EnsureSuccessStatusCode();
        await http.GetAsync("/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong-test-verify-token&hub.challenge=1");

        // After the opt-in above (a STOP older than it would rightly lose to it).
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5;
        await PostWebhookAsync(WebhookPayloads.Statuses(WebhookPayloads.Status("c-logs", Phone, "delivered", now)));
        await PostWebhookAsync(WebhookPayloads.Text("5215512345678", "hola", now), signed: false);
        await PostWebhookAsync(WebhookPayloads.Text("5215512345678", "STOP", now));
        var consent = _runner.Get<IConsentLedger>();
        await WebhookFuzzRun.WaitAsync(async () => (await consent.GetAsync(Phone, ConsentScope.Marketing)).Status == ConsentStatus.OptedOut, TimeSpan.FromMinutes(2), "the STOP applied");
        (await http.DeleteAsync($"/api/contacts/{Phone}")).EnsureSuccessStatusCode();

        var lines = _logs.Lines;
        Assert.NotEmpty(lines);
        string[] secrets = ["5512345678", "test-verify-token", "test-app-secret", "test-token"];
        var leaks = lines.Where(line => secrets.Any(s => line.Contains(s, StringComparison.Ordinal))).ToArray();
        Assert.True(leaks.Length == 0, "logged in clear:\n" + string.Join("\n", leaks.Take(10)));
    }

    private async Task PostWebhookAsync(System.Text.Json.Nodes.JsonNode payload, bool signed = true)
    {
        var body = WebhookPayloads.Bytes(payload);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/whatsapp") { Content = content };
        if (signed)
        {
            request.Headers.Add(WebhookSignature.HeaderName, WebhookPayloads.Sign(body));
        }

        using var response = await _runner.Http.SendAsync(request);
    }

    /// <summary>Every line any logger writes at the levels the host enables, message and exception text together.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => _lines.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
                if (exception is not null)
                {
                    line.Append(' ').Append(exception);
                }

                lines.Enqueue(line.ToString());
            }
        }
    }
}
