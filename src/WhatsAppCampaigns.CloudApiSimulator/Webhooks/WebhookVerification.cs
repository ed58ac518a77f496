using System.Globalization;

namespace WhatsAppCampaigns.CloudApiSimulator.Webhooks;

/// <summary>Meta's subscription handshake: <c>GET ?hub.mode=subscribe&amp;hub.challenge=…&amp;hub.verify_token=…</c>, expecting the challenge back.</summary>
internal sealed class WebhookVerification(IHttpClientFactory httpClientFactory, CloudApiSimulatorOptions options)
{
    /// <summary>True when the receiver answered 200 with exactly the challenge.</summary>
    public async Task<bool> VerifyAsync(string? verifyToken, CancellationToken cancellationToken)
    {
        if (options.WebhookUrl is not { } url)
        {
            return false;
        }
        var challenge = Random.Shared.NextInt64(1_000_000_000, long.MaxValue).ToString(CultureInfo.InvariantCulture);
        var separator = string.IsNullOrEmpty(url.Query) ? "?" : "&";
        var target = $"{url}{separator}hub.mode=subscribe&hub.challenge={challenge}&hub.verify_token={Uri.EscapeDataString(verifyToken ?? options.VerifyToken)}";
        var client = httpClientFactory.CreateClient(WebhookSender.HttpClientName);
        try
        {
            using var response = await client.GetAsync(new Uri(target), cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode && body.Trim() == challenge;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
