using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Queues;
using WhatsAppCampaigns.Core.Sending;

namespace WhatsAppCampaigns.IntegrationTests.Sending.TestDoubles;

/// <summary>
/// <see cref="ISendQueue"/> over the real Azurite queue, except that a visibility delay is held here on the test's
/// clock (Azurite's is real time): <see cref="ReleaseDueAsync"/> puts due messages on the queue.
/// </summary>
public sealed class ControlledSendQueue(QueueClient queue, TimeProvider clock) : ISendQueue
{
    private readonly object _lock = new();
    private readonly List<(SendRequest Request, DateTimeOffset DueAt)> _held = [];

    public QueueClient Queue => queue;

    /// <summary>Every deferral ever made, with the delay asked for.</summary>
    public ConcurrentQueue<(SendRequest Request, TimeSpan Delay)> Deferred { get; } = new();

    public IReadOnlyList<(SendRequest Request, DateTimeOffset DueAt)> Held
    {
        get
        {
            lock (_lock)
            {
                return _held.ToArray();
            }
        }
    }

    public async Task EnqueueAsync(SendRequest request, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        if (delay is { } wait && wait > TimeSpan.Zero)
        {
            Deferred.Enqueue((request, wait));
            Hold(request, clock.GetUtcNow() + wait);
            return;
        }

        await queue.SendMessageAsync(JsonSerializer.Serialize(request, SendRequestJson.Options), cancellationToken);
    }

    public async Task EnqueueManyAsync(IReadOnlyCollection<SendRequest> requests, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in requests.Chunk(64))
        {
            await Task.WhenAll(chunk.Select(r => EnqueueAsync(r, null, cancellationToken)));
        }
    }

    public void Hold(SendRequest request, DateTimeOffset dueAt)
    {
        lock (_lock)
        {
            _held.Add((request, dueAt));
        }
    }

    public async Task<int> ReleaseDueAsync()
    {
        List<SendRequest> due;
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            due = _held.Where(h => h.DueAt <= now).Select(h => h.Request).ToList();
            _held.RemoveAll(h => h.DueAt <= now);
        }

        await EnqueueManyAsync(due);
        return due.Count;
    }
}
