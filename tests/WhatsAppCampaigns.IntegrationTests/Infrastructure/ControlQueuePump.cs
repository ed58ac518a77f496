using Microsoft.DurableTask.Client;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.IntegrationTests.Infrastructure;

/// <summary>
/// Plays the <c>Campaigns_Control</c> queue trigger for tests that run the core without a host: drains the test's own
/// <c>wa-control</c> queue through the real <see cref="CampaignSignalProcessor"/> until disposed.
/// </summary>
public sealed class ControlQueuePump : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ControlQueuePump(StorageClients storage, CampaignSignalProcessor processor, DurableTaskClient durable) =>
        _loop = RunAsync(storage, processor, durable, _stop.Token);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static async Task RunAsync(StorageClients storage, CampaignSignalProcessor processor, DurableTaskClient durable, CancellationToken ct)
    {
        var queue = storage.Queue(StorageNames.ControlQueueName);
        while (!ct.IsCancellationRequested)
        {
            var batch = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(1), ct)).Value;
            foreach (var message in batch)
            {
                try
                {
                    await processor.ProcessAsync(new QueueDelivery(message.MessageId, message.Body.ToString(), message.DequeueCount), durable, ct);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    // Left for redelivery after its visibility timeout, as the host would.
                }
            }

            if (batch.Length == 0)
            {
                await Task.Delay(50, ct);
            }
        }
    }
}
