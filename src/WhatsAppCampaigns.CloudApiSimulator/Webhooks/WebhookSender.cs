using System.Net.Http.Headers;
using WhatsAppCampaigns.CloudApiSimulator.Diagnostics;
using WhatsAppCampaigns.CloudApiSimulator.Scenario;

namespace WhatsAppCampaigns.CloudApiSimulator.Webhooks;

/// <summary>POSTs one signed body to the webhook URL, retrying failures with exponential backoff as Meta does (bounded here).</summary>
internal sealed class WebhookSender(
    IHttpClientFactory httpClientFactory,
    CloudApiSimulatorOptions options,
    SimulatorScenario scenario,
    WebhookStats stats,
    ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "CloudApiSimulator.Webhooks";
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    public bool IsConfigured => options.WebhookUrl is not null;

    public async Task<WebhookPostResult> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        if (options.WebhookUrl is not { } url)
        {
            return new WebhookPostResult(false, null, 0);
        }
        var behavior = scenario.Webhooks;
        var signature = WebhookSigner.Sign(body, options.AppSecret);
        var client = httpClientFactory.CreateClient(HttpClientName);
        int? lastStatus = null;
        var maxAttempts = Math.Max(1, behavior.MaxAttempts);
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = JsonType;
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
                request.Headers.TryAddWithoutValidation(WebhookSigner.HeaderName, signature);
                using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                lastStatus = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    stats.RecordDelivered();
                    return new WebhookPostResult(true, lastStatus, attempt);
                }
            }
            catch (HttpRequestException ex)
            {
                lastStatus = null;
                SimulatorLog.WebhookConnectionFailed(logger, ex.Message);
            }
            stats.RecordFailedAttempt();
            if (attempt < maxAttempts)
            {
                var backoff = TimeSpan.FromMilliseconds(behavior.RetryBaseDelayMs * Math.Pow(2, attempt - 1));
                await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
            }
        }
        stats.RecordGivenUp();
        SimulatorLog.WebhookGivenUp(logger, maxAttempts, lastStatus);
        return new WebhookPostResult(false, lastStatus, maxAttempts);
    }
}
