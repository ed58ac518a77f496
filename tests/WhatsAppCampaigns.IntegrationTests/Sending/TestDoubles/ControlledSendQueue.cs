using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Queues;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending;

namespace WhatsAppCampaigns.IntegrationTests.Sending.TestDoubles;

/// <summary>
/// <see cref="ISendQueue"/> over the real Azurite queue, except that a visibility delay is held here on the test's
/// clock (Azurite's is real time): <see cref="ReleaseDueAsync"/> puts due messages on the queue.
/// </summary>
public sealed class ControlledSendQueue(QueueClient queue, TimeProvider clock) : ISendQueue
{
    private readonly object _lock = new();
    private readonly List<(SendRequest Request, DateTimeOffset DueAt, string Id)> _held = [];

    public QueueClient Queue => queue;

    /// <summary>Every deferral ever made, with the delay asked for.</summary>
    public ConcurrentQueue<(SendRequest Request, TimeSpan Delay)> Deferred { get; } = new();

    public IReadOnlyList<(SendRequest Request, DateTimeOffset DueAt)> Held
    {
        get
        {
            lock (_lock)
            {
                return _held.Select(h => (h.Request, h.DueAt)).ToArray();
            }
        }
    }

    public async Task<QueuedSend> EnqueueAsync(SendRequest request, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        if (delay is { } wait && wait > TimeSpan.Zero)
        {
            Deferred.Enqueue((request, wait));
            return new QueuedSend(Hold(request, clock.GetUtcNow() + wait), "held");
        }

        var receipt = (await queue.SendMessageAsync(JsonSerializer.Serialize(request, SendRequestJson.Options), cancellationToken)).Value;
        return new QueuedSend(receipt.MessageId, receipt.PopReceipt);
    }

    /// <summary>A held message made visible early goes on the queue now; one already released is gone from here.</summary>
    public async Task MakeVisibleAsync(QueuedSend message, CancellationToken cancellationToken = default)
    {
        SendRequest? request;
        lock (_lock)
        {
            var index = _held.FindIndex(h => h.Id == message.MessageId);
            request = index < 0 ? null : _held[index].Request;
            if (index >= 0)
            {
                _held.RemoveAt(index);
            }
        }

        if (request is not null)
        {
            await EnqueueAsync(request, null, cancellationToken);
        }
    }

    public async Task EnqueueManyAsync(IReadOnlyCollection<SendRequest> requests, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in requests.Chunk(64))
        {
            await Task.WhenAll(chunk.Select(r => EnqueueAsync(r, null, cancellationToken)));
        }
    }

    public string Hold(SendRequest request, DateTimeOffset dueAt)
    {
        var id = Guid.NewGuid().ToString("N");
        lock (_lock)
        {
            _held.Add((request, dueAt, id));
        }

        return id;
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
