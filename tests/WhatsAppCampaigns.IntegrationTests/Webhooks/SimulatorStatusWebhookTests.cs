using System.Net;
using System.Net.Sockets;
using WhatsAppCampaigns.CloudApiSimulator;
using WhatsAppCampaigns.Core.CloudApi;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Webhooks;

/// <summary>
/// End to end on loopback: the local runner sends through the Cloud API simulator, which posts signed status webhooks
/// back to the runner, reordered and duplicated; the runner's queue pump brings every message to its final state.
/// </summary>
public sealed class SimulatorStatusWebhookTests
{
    [Fact]
    public async Task SimulatorStatuses_ReorderedAndDuplicated_EndInReadWithCountersOnce()
    {
        var port = FreePort();
        await using var simulator = await CloudApiSimulatorHost.StartAsync(new CloudApiSimulatorOptions
        {
            AccessToken = "test-token",
            AppSecret = WebhookPayloads.AppSecret,
            WebhookUrl = new Uri($"http://127.0.0.1:{port}/api/webhooks/whatsapp"),
            Seed = 3,
            Webhooks = new WebhookBehavior { ReadProbability = 1.0, ReorderRate = 1.0, DuplicateRate = 1.0, MaxDelayMs = 10 },
        });
        await using var runner = await RunningLocalRunner.StartAsync(
            new Dictionary<string, string?> { ["WhatsApp:GraphBaseUrl"] = simulator.BaseUrl.ToString() },
            urls: $"http://127.0.0.1:{port}");

        var client = runner.Get<ICloudApiClient>();
        string[] recipients = ["+525512349001", "+525512349002", "+525512349003"];
        var ledger = runner.Get<IMessageLedger>();
        foreach (var recipient in recipients)
        {
            await ledger.TryClaimAsync(new MessageKey("c-sim", recipient), "sender", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(3)); // as a sender would
            var message = new TemplateMessage(recipient, "cart_reminder", "es_MX", [TemplateComponent.Body("Ana", "zapatos")], $"c-sim|{recipient}");
            Assert.IsType<SendOutcome.Accepted>(await client.SendTemplateAsync(simulator.PhoneNumber.Id, message));
        }

        // Deadlines for a loaded machine: the simulator's delayed, duplicated webhooks, then the runner's queue pump.
        Assert.True(await simulator.WaitForWebhooksIdleAsync(TimeSpan.FromMinutes(2)));
        var funnel = await WaitForAsync(() => ledger.GetFunnelAsync("c-sim"), f => f.Read == 3, TimeSpan.FromMinutes(2));

        Assert.Equal((3, 3, 3), (funnel.Sent, funnel.Delivered, funnel.Read));
        foreach (var recipient in recipients)
        {
            Assert.Equal(MessageState.Read, (await ledger.GetAsync(new MessageKey("c-sim", recipient)))!.State);
        }
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
