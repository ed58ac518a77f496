using Azure;
using Azure.Storage.Queues;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Sending;

/// <summary>The senders' queue on Azure Storage. A delay becomes the message's initial visibility timeout.</summary>
public sealed class QueueSendQueue(StorageClients storage) : ISendQueue
{
    /// <summary>Azure Storage refuses visibility timeouts beyond 7 days; longer waits are re-deferred by the sender.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    private const int EnqueueParallelism = 32;
    private readonly QueueClient _queue = storage.Queue(StorageNames.SendsQueueName);

    public async Task<QueuedSend> EnqueueAsync(SendRequest request, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        var visibility = delay is { } d && d > TimeSpan.Zero ? (d > MaxDelay ? MaxDelay : d) : (TimeSpan?)null;
        var receipt = (await _queue.SendMessageAsync(SendRequestJson.Serialize(request), visibility, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken)).Value;
        return new QueuedSend(receipt.MessageId, receipt.PopReceipt);
    }

    public Task EnqueueManyAsync(IReadOnlyCollection<SendRequest> requests, CancellationToken cancellationToken = default) =>
        // The queue service has no batch send: bounded parallel single sends are the fastest exact way.
        Parallel.ForEachAsync(
            requests,
            new ParallelOptions { MaxDegreeOfParallelism = EnqueueParallelism, CancellationToken = cancellationToken },
            async (request, ct) => await EnqueueAsync(request, null, ct));

    public async Task MakeVisibleAsync(QueuedSend message, CancellationToken cancellationToken = default)
    {
        try
        {
            await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            // Already delivered (its receipt changed) or gone: it is being handled anyway.
        }
    }
}
