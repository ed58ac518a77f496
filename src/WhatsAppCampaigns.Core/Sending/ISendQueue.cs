using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.Core.Sending;

/// <summary>Puts send requests on the senders' queue. Campaign fan-out and cart reminders both use it.</summary>
public interface ISendQueue
{
    /// <param name="delay">Queue visibility delay: the message is invisible to senders until then (at most 7 days).</param>
    /// <returns>What it takes to make the message visible early (<see cref="MakeVisibleAsync"/>).</returns>
    Task<QueuedSend> EnqueueAsync(SendRequest request, TimeSpan? delay = null, CancellationToken cancellationToken = default);

    Task EnqueueManyAsync(IReadOnlyCollection<SendRequest> requests, CancellationToken cancellationToken = default);

    /// <summary>Ends a delay now (a resumed campaign's held messages); nothing happens if the message is gone already.</summary>
    Task MakeVisibleAsync(QueuedSend message, CancellationToken cancellationToken = default);
}
