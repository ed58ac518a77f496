using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.Observability;

namespace WhatsAppCampaigns.Core.Sending;

/// <summary>
/// Defers a message by queueing a copy that becomes visible later, then letting the current delivery complete:
/// throwing would burn the queue's dequeue count. Waits beyond the queue's 7-day visibility cap are capped; the copy
/// then sees its <see cref="SendRequest.NotBefore"/> still ahead and defers again.
/// </summary>
public sealed partial class Deferrals(ISendQueue queue, TimeProvider time, ILogger<Deferrals> logger)
{
    public static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    public async Task DeferAsync(SendRequest request, DateTimeOffset notBefore, string reason, CancellationToken ct, bool countsAsFailure = false)
    {
        var copy = request with { NotBefore = notBefore, Attempt = request.Attempt + (countsAsFailure ? 1 : 0) };
        await queue.EnqueueAsync(copy, DelayUntil(notBefore), ct);
        LogDeferred(logger, request.CampaignId, PhoneMask.Mask(request.Recipient), reason, notBefore);
    }

    /// <summary>
    /// Holds a paused campaign's message: the copy hides until <paramref name="until"/> without being due only then, so a
    /// resume can make it visible at once (<see cref="ISendQueue.MakeVisibleAsync"/>) and it is sent straight away.
    /// </summary>
    public async Task<Messages.QueuedSend> HoldAsync(SendRequest request, DateTimeOffset until, CancellationToken ct)
    {
        var copy = await queue.EnqueueAsync(request, DelayUntil(until), ct);
        LogDeferred(logger, request.CampaignId, PhoneMask.Mask(request.Recipient), "paused", until);
        return copy;
    }

    private TimeSpan DelayUntil(DateTimeOffset at)
    {
        var delay = at - time.GetUtcNow();
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxVisibilityDelay ? MaxVisibilityDelay : delay;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deferred {CampaignId} to {Recipient} ({Reason}) until {NotBefore}")]
    private static partial void LogDeferred(ILogger logger, string campaignId, string recipient, string reason, DateTimeOffset notBefore);
}
