using System.Collections.Concurrent;

namespace WhatsAppCampaigns.CloudApiSimulator.Webhooks;

/// <summary>Counts of webhook traffic and the status plan of each message, for assertions and reports.</summary>
public sealed class WebhookStats
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _plannedStatuses = new(StringComparer.Ordinal);
    private long _delivered;
    private long _failedAttempts;
    private long _givenUp;

    /// <summary>POSTs the receiver acknowledged with 2xx.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>POST attempts that failed (non-2xx or connection error) and were retried or given up.</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    /// <summary>POSTs abandoned after the last attempt.</summary>
    public long GivenUp => Interlocked.Read(ref _givenUp);

    /// <summary>Statuses planned for a message, in the order they are (or would be, without a URL) POSTed.</summary>
    public IReadOnlyList<string> StatusesOf(string wamid) => _plannedStatuses.GetValueOrDefault(wamid) ?? [];

    internal void RecordPlan(string wamid, IReadOnlyList<string> statuses) => _plannedStatuses[wamid] = statuses;

    internal void RecordDelivered() => Interlocked.Increment(ref _delivered);

    internal void RecordFailedAttempt() => Interlocked.Increment(ref _failedAttempts);

    internal void RecordGivenUp() => Interlocked.Increment(ref _givenUp);
}
