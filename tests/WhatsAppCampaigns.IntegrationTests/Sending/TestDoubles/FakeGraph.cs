using System.Collections.Concurrent;
using WhatsAppCampaigns.Core.CloudApi;
using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.IntegrationTests.Sending.TestDoubles;

/// <summary>
/// A Graph stand-in for tests that compress time (the HTTP simulator's clock cannot follow a fake one across queues):
/// records every accepted message with the clock's time, answers scripted refusals, and can "kill" the sender just
/// before or just after Graph takes a message.
/// </summary>
public sealed class FakeGraph(TimeProvider clock) : ICloudApiClient
{
    private int _ids;

    public ConcurrentQueue<(string Recipient, DateTimeOffset At, string PhoneNumberId, string? CallbackData)> Accepted { get; } = new();

    /// <summary>Returns a refusal for a message, or null to accept it.</summary>
    public Func<TemplateMessage, GraphError?>? Refuse { get; set; }

    /// <summary>Throw <see cref="SenderKilledException"/> here to kill the sender before (false) or after (true) Graph has the message.</summary>
    public Action<TemplateMessage, bool>? Kill { get; set; }

    /// <summary>The status webhook: called for every accepted message with its callback data.</summary>
    public Func<MessageKey, Task>? OnAccepted { get; set; }

    public async Task<SendOutcome> SendTemplateAsync(string phoneNumberId, TemplateMessage message, CancellationToken cancellationToken = default)
    {
        Kill?.Invoke(message, false);
        if (Refuse?.Invoke(message) is { } error)
        {
            return new SendOutcome.Refused(error);
        }

        Accepted.Enqueue((message.To, clock.GetUtcNow(), phoneNumberId, message.CallbackData));
        if (OnAccepted is { } webhook && MessageKey.TryParseCallbackData(message.CallbackData, out var key))
        {
            await webhook(key);
        }

        Kill?.Invoke(message, true);
        return new SendOutcome.Accepted($"wamid.{Interlocked.Increment(ref _ids)}", message.To.TrimStart('+'), "accepted");
    }

    public Task<IReadOnlyList<GraphTemplate>> ListTemplatesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<GraphTemplate>>([]);

    public int CountFor(string recipient) => Accepted.Count(a => a.Recipient == recipient);

    /// <summary>The most unique recipients seen in any moving window, as Meta counts the messaging limit.</summary>
    public int MaxUniqueRecipientsInAnyWindow(TimeSpan window)
    {
        var sends = Accepted.OrderBy(a => a.At).ToArray();
        var inWindow = new Dictionary<string, int>();
        var max = 0;
        var start = 0;
        foreach (var send in sends)
        {
            while (sends[start].At <= send.At - window)
            {
                var old = sends[start++].Recipient;
                if (--inWindow[old] == 0)
                {
                    inWindow.Remove(old);
                }
            }

            inWindow[send.Recipient] = inWindow.GetValueOrDefault(send.Recipient) + 1;
            max = Math.Max(max, inWindow.Count);
        }

        return max;
    }
}

public sealed class SenderKilledException() : Exception("The sender died here (test).");
