using System.Net;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Webhooks;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Webhooks;

/// <summary>
/// The webhook fuzz at a small size, against the running local runner over HTTP (the full 10,000 is the
/// <c>webhook-fuzz</c> benchmark): no 5xx, nothing unauthentic changes anything, nothing is poisoned, and a valid STOP
/// posted after the fuzz is applied.
/// </summary>
public sealed class WebhookFuzzTests : IAsyncLifetime
{
    private const string Campaign = "c-fuzz";
    private static readonly string[] Victims = Enumerable.Range(0, 8).Select(i => $"+5255120{i:D5}").ToArray();
    private RunningLocalRunner _runner = null!;

    public async Task InitializeAsync() => _runner = await RunningLocalRunner.StartAsync();

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    [Fact]
    public async Task MixedBodies_NoServerError_NoUnauthenticChange_AndAStopAfterwardsIsApplied()
    {
        await WebhookFuzzRun.SeedVictimsAsync(_runner.App.Services, Victims, Campaign);
        var requests = WebhookFuzz.Generate(400, seed: 18, Victims, Campaign).ToArray();

        var answers = await WebhookFuzzRun.PostAllAsync(_runner.Http, requests, concurrency: 8);

        var unexpected = requests.Zip(answers).Where(p => !WebhookFuzz.IsExpected(p.First, p.Second)).Select(p => $"{p.First.Kind}: {(int)p.Second}").ToArray();
        Assert.Empty(unexpected);
        Assert.Contains(requests, r => r.Kind == "malformed");

        const string stopper = "+525512099999";
        await WebhookFuzzRun.OptInAsync(_runner.App.Services, stopper);
        await WebhookFuzzRun.PostStopAsync(_runner.Http, stopper);
        var consent = _runner.Get<IConsentLedger>();
        await WebhookFuzzRun.WaitAsync(async () => (await consent.GetAsync(stopper, ConsentScope.Marketing)).Status == ConsentStatus.OptedOut, TimeSpan.FromMinutes(2), "the STOP applied");

        var queues = _runner.Get<StorageClients>();
        await WebhookFuzzRun.WaitAsync(() => WebhookFuzzRun.QueuesEmptyAsync(queues), TimeSpan.FromMinutes(3), "both webhook lanes drained");
        Assert.Equal(0, await WebhookFuzzRun.PoisonedAsync(queues));
        Assert.True(_runner.Get<WebhookProcessingStats>().Dropped > 0);
        await WebhookFuzzRun.AssertVictimsUntouchedAsync(_runner.App.Services, Victims, Campaign);
    }
}
