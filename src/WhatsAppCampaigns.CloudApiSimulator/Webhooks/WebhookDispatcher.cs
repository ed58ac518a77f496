using System.Threading.Channels;
using WhatsAppCampaigns.CloudApiSimulator.Diagnostics;
using WhatsAppCampaigns.CloudApiSimulator.Scenario;

namespace WhatsAppCampaigns.CloudApiSimulator.Webhooks;

/// <summary>
/// Background delivery of status webhooks: a send only enqueues its plan, so the HTTP answer never waits on the receiver.
/// Each message's posts go out one after another (keeping the planned order); different messages run in parallel.
/// </summary>
internal sealed class WebhookDispatcher(
    WebhookSender sender, StatusBatcher batcher, SimulatorScenario scenario, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    // Enough parallel plans that per-post delays, not the cap, bound throughput on loopback.
    private const int MaxConcurrentMessages = 256;
    private readonly Channel<IReadOnlyList<PlannedPost>> _queue = Channel.CreateUnbounded<IReadOnlyList<PlannedPost>>(
        new UnboundedChannelOptions { SingleReader = true });
    // Never disposed: deliveries cancelled at shutdown still release their slot after the host is gone.
    private readonly SemaphoreSlim _slots = new(MaxConcurrentMessages);
    private long _pending;

    /// <summary>Plans queued or being delivered.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public void Enqueue(IReadOnlyList<PlannedPost> plan)
    {
        if (!sender.IsConfigured || plan.Count == 0)
        {
            return;
        }
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(plan))
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    public async Task<bool> WaitForIdleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Pending > 0)
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batching = batcher.RunAsync(stoppingToken);
        try
        {
            await foreach (var plan in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                _ = DeliverAsync(plan, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: undelivered plans are dropped, as a stopped Meta would drop them.
        }
        try
        {
            await batching.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(IReadOnlyList<PlannedPost> plan, CancellationToken stoppingToken)
    {
        try
        {
            foreach (var post in plan)
            {
                if (post.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(post.Delay, stoppingToken).ConfigureAwait(false);
                }
                if (scenario.Webhooks.MaxStatusesPerPost > 1)
                {
                    await batcher.SubmitAsync(post).WaitAsync(stoppingToken).ConfigureAwait(false);
                }
                else
                {
                    await sender.PostAsync(post.Body, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            SimulatorLog.WebhookDeliveryCrashed(logger, ex);
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
            _slots.Release();
        }
    }
}
