using System.Collections.Concurrent;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending;

namespace WhatsAppCampaigns.IntegrationTests.Campaigns.TestDoubles;

/// <summary>
/// Records every enqueue (duplicates included, so tests can see them) instead of the queue, which has its own tests:
/// the fan-out tests count what the orchestration asked to enqueue. Can hold enqueues behind a gate, and fail chosen calls before they enqueue anything, the way a refused queue request does.
/// </summary>
public sealed class RecordingSendQueue : ISendQueue
{
    private readonly ConcurrentQueue<SendRequest> _sent = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public RecordingSendQueue(bool gated = false)
    {
        if (!gated)
        {
            _gate.SetResult();
        }
    }

    /// <summary>Call numbers (1-based) that throw instead of enqueueing.</summary>
    public HashSet<int> FailingCalls { get; } = [];

    public int FailuresThrown { get; private set; }

    public IReadOnlyCollection<SendRequest> Sent => _sent;

    /// <summary>Completes when a first enqueue is waiting at the gate.</summary>
    public TaskCompletionSource FirstCallArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Runs after each enqueue, before the enqueue returns: a scripted sender (statuses written to the ledger).</summary>
    public Func<SendRequest, Task>? OnEnqueued { get; set; }

    public void OpenGate() => _gate.TrySetResult();

    public async Task<QueuedSend> EnqueueAsync(SendRequest request, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls);
        FirstCallArrived.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
        lock (FailingCalls)
        {
            if (FailingCalls.Remove(call))
            {
                FailuresThrown++;
                throw new InvalidOperationException($"Injected queue failure on call {call}");
            }
        }

        _sent.Enqueue(request);
        if (OnEnqueued is { } script)
        {
            await script(request);
        }

        return new QueuedSend(call.ToString(System.Globalization.CultureInfo.InvariantCulture), "recorded");
    }

    public Task MakeVisibleAsync(QueuedSend message, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task EnqueueManyAsync(IReadOnlyCollection<SendRequest> requests, CancellationToken cancellationToken = default)
    {
        foreach (var request in requests)
        {
            await EnqueueAsync(request, null, cancellationToken);
        }
    }
}
