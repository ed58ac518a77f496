namespace WhatsAppCampaigns.Core.Hosting;

/// <summary>
/// Handles one queue message. The Functions app calls it from a queue trigger, the local runner from its queue pump.
/// Throwing leaves the message for redelivery (and, after the host's maximum dequeue count, the poison queue);
/// every processor is therefore idempotent.
/// </summary>
public interface IQueueMessageProcessor
{
    Task ProcessAsync(QueueDelivery delivery, CancellationToken cancellationToken);
}

/// <param name="DequeueCount">1 on the first delivery.</param>
public sealed record QueueDelivery(string MessageId, string Body, long DequeueCount, DateTimeOffset? InsertedOn = null);
