using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.LocalRunner.Hosting;

/// <summary>
/// A queue trigger for the local runner, behaving like the Functions host's: batches, parallel handling,
/// delete on success, redelivery with backoff on failure, poison queue after the maximum dequeue count.
/// </summary>
public sealed partial class QueuePump<TProcessor>(
    StorageClients storage,
    TProcessor processor,
    QueuePumpOptions options,
    ILogger<QueuePump<TProcessor>> logger) : BackgroundService
    where TProcessor : IQueueMessageProcessor
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = storage.Queue(options.QueueName);
        var poison = storage.Queue(options.QueueName + "-poison");
        await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        var idle = TimeSpan.FromMilliseconds(50);

        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] batch;
            try
            {
                batch = (await queue.ReceiveMessagesAsync(options.BatchSize, options.Lease, stoppingToken)).Value;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or TimeoutException
                || (ex is OperationCanceledException && !stoppingToken.IsCancellationRequested))
            {
                // A storage call that timed out (the SDK reports it as a cancellation) must not end the pump: the host
                // would stop with it, and every queue, the consent lane too, would stop being read.
                LogReceiveFailed(logger, options.QueueName, ex.Message);
                await Task.Delay(options.MaxPollingInterval, stoppingToken);
                continue;
            }

            if (batch.Length == 0)
            {
                // Back off like the Functions host's polling: quick while busy, up to the maximum while idle.
                await Task.Delay(idle, stoppingToken);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, options.MaxPollingInterval.Ticks));
                continue;
            }

            idle = TimeSpan.FromMilliseconds(50);
            await Parallel.ForEachAsync(
                batch,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = stoppingToken },
                (message, ct) => new ValueTask(HandleAsync(queue, poison, message, ct)));
        }
    }

    private async Task HandleAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken ct)
    {
        if (message.DequeueCount > options.MaxDequeueCount)
        {
            await poison.SendMessageAsync(message.Body, cancellationToken: ct);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            LogPoisoned(logger, options.QueueName, message.MessageId);
            return;
        }

        var receipt = new LeaseReceipt(message.PopReceipt);
        using var handled = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewAsync(queue, message.MessageId, receipt, handled.Token, ct);
        try
        {
            await processor.ProcessAsync(new QueueDelivery(message.MessageId, message.Body.ToString(), message.DequeueCount, message.InsertedOn), ct);
            await StopRenewingAsync(handled, renewal);
            await queue.DeleteMessageAsync(message.MessageId, receipt.Value, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            await StopRenewingAsync(handled, renewal);
            LogFailed(logger, ex, options.QueueName, message.MessageId, message.DequeueCount);
            try
            {
                await queue.UpdateMessageAsync(message.MessageId, receipt.Value, visibilityTimeout: options.RetryDelay, cancellationToken: ct);
            }
            catch (Azure.RequestFailedException)
            {
                // The pop receipt expired: the message is visible again anyway.
            }
        }
    }

    /// <summary>Keeps a message hidden while it is handled, a third of the lease before it would reappear.</summary>
    private async Task RenewAsync(QueueClient queue, string messageId, LeaseReceipt receipt, CancellationToken handled, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Lease / 3, handled);

                // Not cancelled by the end of handling: a renewal in flight must finish, or its new receipt is lost.
                var updated = await queue.UpdateMessageAsync(messageId, receipt.Value, visibilityTimeout: options.Lease, cancellationToken: ct);
                receipt.Value = updated.Value.PopReceipt;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or Azure.RequestFailedException or HttpRequestException)
        {
            // Handled (cancelled), or the lease was lost: the message shows again and its processing is idempotent.
        }
    }

    private static async Task StopRenewingAsync(CancellationTokenSource handled, Task renewal)
    {
        await handled.CancelAsync();
        await renewal;
    }

    private sealed class LeaseReceipt(string value)
    {
        public string Value { get; set; } = value;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving from queue {Queue} failed: {Reason}")]
    private static partial void LogReceiveFailed(ILogger logger, string queue, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} on queue {Queue} moved to the poison queue")]
    private static partial void LogPoisoned(ILogger logger, string queue, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing message {MessageId} on queue {Queue} failed (delivery {DequeueCount}); it will be retried")]
    private static partial void LogFailed(ILogger logger, Exception exception, string queue, string messageId, long dequeueCount);
}
