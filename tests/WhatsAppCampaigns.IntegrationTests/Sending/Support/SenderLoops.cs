using System.Text.Json;
using Azure.Storage.Queues.Models;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.IntegrationTests.Sending.TestDoubles;

namespace WhatsAppCampaigns.IntegrationTests.Sending.Support;

/// <summary>
/// "N concurrent senders": loops that each receive from the real queue, process, and delete, until the queue is
/// empty and nothing is in flight. A sender "killed" by the fake Graph leaves its message to be redelivered after
/// the visibility timeout, which on the test clock means: held, due 30 s later.
/// </summary>
public static class SenderLoops
{
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(30);

    public static async Task DrainAsync(ControlledSendQueue queue, IReadOnlyList<IQueueMessageProcessor> processors, int loopsPerProcessor, bool deliverTwice = false, TimeProvider? clock = null)
    {
        var inFlight = 0;
        var loops = processors.SelectMany(p => Enumerable.Range(0, loopsPerProcessor).Select(_ => Loop(p)));
        await Task.WhenAll(loops);

        async Task Loop(IQueueMessageProcessor processor)
        {
            while (true)
            {
                Interlocked.Increment(ref inFlight);
                QueueMessage[] batch;
                try
                {
                    batch = (await queue.Queue.ReceiveMessagesAsync(8, TimeSpan.FromMinutes(5))).Value;
                    foreach (var message in batch)
                    {
                        var delivery = new QueueDelivery(message.MessageId, message.Body.ToString(), message.DequeueCount, message.InsertedOn);
                        var runs = deliverTwice ? new[] { RunAsync(processor, delivery), RunAsync(processor, delivery) } : [RunAsync(processor, delivery)];
                        var killed = (await Task.WhenAll(runs)).Any(k => k);
                        if (killed && clock is not null)
                        {
                            queue.Hold(JsonSerializer.Deserialize<SendRequest>(delivery.Body, SendRequestJson.Options)!, clock.GetUtcNow() + VisibilityTimeout);
                        }

                        try
                        {
                            await queue.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                        }
                        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
                        {
                            // A loaded Azurite handed the message to two loops (a duplicate delivery): the other deleted it.
                        }
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }

                if (batch.Length == 0)
                {
                    if (Volatile.Read(ref inFlight) == 0)
                    {
                        return;
                    }

                    await Task.Delay(20);
                }
            }
        }
    }

    private static async Task<bool> RunAsync(IQueueMessageProcessor processor, QueueDelivery delivery)
    {
        try
        {
            await processor.ProcessAsync(delivery, CancellationToken.None);
            return false;
        }
        catch (SenderKilledException)
        {
            return true;
        }
    }
}
