using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Webhooks;

namespace WhatsAppCampaigns.IntegrationTests.Infrastructure;

/// <summary>Driving <see cref="WebhookFuzz"/> against a running host: shared by the fuzz test and the benchmark.</summary>
public static class WebhookFuzzRun
{
    private static readonly DateTimeOffset OptedInAt = DateTimeOffset.FromUnixTimeSeconds(1_772_460_000 - 3_600);

    /// <summary>Victims opted in, each with a message of <paramref name="campaign"/> claimed as a sender would.</summary>
    public static async Task SeedVictimsAsync(IServiceProvider services, IEnumerable<string> victims, string campaign)
    {
        var ledger = services.GetRequiredService<IMessageLedger>();
        foreach (var victim in victims)
        {
            await OptInAsync(services, victim);
            await ledger.TryClaimAsync(new MessageKey(campaign, victim), "fuzz", OptedInAt, TimeSpan.FromMinutes(3));
        }
    }

    public static Task OptInAsync(IServiceProvider services, string phone) =>
        services.GetRequiredService<IConsentLedger>().RecordAsync(phone, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedIn, "checkout_checkbox", OptedInAt));

    public static async Task AssertVictimsUntouchedAsync(IServiceProvider services, IEnumerable<string> victims, string campaign)
    {
        var consent = services.GetRequiredService<IConsentLedger>();
        var ledger = services.GetRequiredService<IMessageLedger>();
        foreach (var victim in victims)
        {
            var state = await consent.GetAsync(victim, ConsentScope.Marketing);
            if (state.Status != ConsentStatus.OptedIn)
            {
                throw new InvalidOperationException($"a victim's consent changed to {state.Status}");
            }
        }

        var funnel = await ledger.GetFunnelAsync(campaign);
        if (funnel.Sent + funnel.Delivered + funnel.Read + funnel.Failed != 0)
        {
            throw new InvalidOperationException($"the victims' campaign moved: sent {funnel.Sent}, delivered {funnel.Delivered}, read {funnel.Read}, failed {funnel.Failed}");
        }
    }

    public static async Task<HttpStatusCode[]> PostAllAsync(HttpClient http, FuzzRequest[] requests, int concurrency)
    {
        var answers = new HttpStatusCode[requests.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Length), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            using var content = new ByteArrayContent(requests[i].Body);
            content.Headers.ContentType = new("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/whatsapp") { Content = content };
            if (requests[i].Signature is { } signature)
            {
                request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
            }

            using var response = await http.SendAsync(request, ct);
            answers[i] = response.StatusCode;
        });
        return answers;
    }

    public static async Task PostStopAsync(HttpClient http, string phone)
    {
        var body = WebhookPayloads.Bytes(WebhookPayloads.Text(phone, "STOP", 1_772_460_000));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/whatsapp") { Content = content };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookPayloads.Sign(body));
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Both webhook lanes hold nothing, visible or in flight.</summary>
    public static async Task<bool> QueuesEmptyAsync(StorageClients storage)
    {
        foreach (var name in new[] { StorageNames.WebhooksQueueName, StorageNames.ConsentWebhooksQueueName })
        {
            var properties = await storage.Queue(name).GetPropertiesAsync();
            if (properties.Value.ApproximateMessagesCount > 0)
            {
                return false;
            }
        }

        return true;
    }

    public static async Task<int> PoisonedAsync(StorageClients storage)
    {
        var count = 0;
        foreach (var name in new[] { StorageNames.WebhooksQueueName, StorageNames.ConsentWebhooksQueueName })
        {
            var poison = storage.Queue(name + "-poison");
            if (await poison.ExistsAsync())
            {
                count += (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            }
        }

        return count;
    }

    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"not within {deadline}: {what}");
            }

            await Task.Delay(50);
        }
    }
}
