using System.Text.Json;

namespace WhatsAppCampaigns.Core.Sending.DeadLetters;

public enum ReplayResult
{
    Replayed,
    NotFound,
    Unreadable,
}

/// <summary>Puts a dead letter back on the senders' queue as a fresh message (failed-delivery count reset) and removes it.</summary>
public sealed class DeadLetterReplay(DeadLetterStore store, ISendQueue queue)
{
    public async Task<ReplayResult> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        var letter = await store.FindAsync(id, cancellationToken);
        if (letter is null)
        {
            return ReplayResult.NotFound;
        }

        SendRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<SendRequest>(letter.Body, SendRequestJson.Options);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null)
        {
            return ReplayResult.Unreadable;
        }

        // Enqueue before deleting: a crash in between leaves a duplicate, which the ledger turns into nothing.
        await queue.EnqueueAsync(request with { Attempt = 0, NotBefore = null }, null, cancellationToken);
        await store.DeleteAsync(id, cancellationToken);
        return ReplayResult.Replayed;
    }
}
