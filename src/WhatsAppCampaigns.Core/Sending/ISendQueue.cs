namespace WhatsAppCampaigns.Core.Sending;

/// <summary>Puts send requests on the senders' queue. Campaign fan-out and cart reminders both use it.</summary>
public interface ISendQueue
{
    /// <param name="delay">Queue visibility delay: the message is invisible to senders until then (at most 7 days).</param>
    Task EnqueueAsync(SendRequest request, TimeSpan? delay = null, CancellationToken cancellationToken = default);

    Task EnqueueManyAsync(IReadOnlyCollection<SendRequest> requests, CancellationToken cancellationToken = default);
}
