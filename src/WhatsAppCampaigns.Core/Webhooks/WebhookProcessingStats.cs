using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Azure;
using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Webhooks;

/// <summary>
/// What webhook processing dropped, and why: counted (here and on the <c>WhatsAppCampaigns.Webhooks</c> meter) and logged
/// with a reason word and the field only, never a value from the payload (it may hold a phone number or a message).
/// A dropped part is never retried: only a failure a retry can fix (<see cref="IsTransient"/>) leaves processing.
/// </summary>
public sealed partial class WebhookProcessingStats(ILogger<WebhookProcessingStats> logger)
{
    private static readonly Meter Meter = new("WhatsAppCampaigns.Webhooks");
    private static readonly Counter<long> DroppedCounter = Meter.CreateCounter<long>("webhooks.dropped", description: "malformed webhook parts dropped");
    private readonly ConcurrentDictionary<string, long> _byReason = new(StringComparer.Ordinal);
    private long _dropped;
    private long _payloads;

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Payloads => Interlocked.Read(ref _payloads);

    /// <summary>Drops by <c>{field}:{reason}</c>.</summary>
    public IReadOnlyDictionary<string, long> DroppedByReason => _byReason;

    public void Processed() => Interlocked.Increment(ref _payloads);

    /// <param name="field">The webhook field (<c>messages</c>, <c>user_preferences</c>) or the envelope part.</param>
    /// <param name="reason">A fixed snake_case word chosen by the code, never text from the payload.</param>
    public void Drop(string field, string reason)
    {
        var safeField = field.Length <= 64 && field.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? field : "(other)";
        Interlocked.Increment(ref _dropped);
        _byReason.AddOrUpdate($"{safeField}:{reason}", 1, (_, n) => n + 1);
        DroppedCounter.Add(1, new KeyValuePair<string, object?>("field", safeField), new KeyValuePair<string, object?>("reason", reason));
        LogDropped(logger, safeField, reason);
    }

    /// <summary>
    /// Runs one part (a change, a status, a preference): a failure that a retry cannot fix is counted and dropped here,
    /// so it cannot take the good parts beside it down with it; a transient one leaves for the queue to redeliver.
    /// </summary>
    public async Task GuardAsync(string field, string part, Func<Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && !IsTransient(ex))
        {
            Drop(field, $"{part}_{Reason(ex)}");
        }
    }

    /// <summary>What a redelivery may fix: storage or network unavailable, throttled, or losing a write race too often.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException r => r.Status is 0 or 408 or 429 or >= 500,
        ConcurrencyExhaustedException or HttpRequestException or IOException or TimeoutException or OperationCanceledException => true,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsTransient),
        _ => false,
    };

    private static string Reason(Exception ex) => ex is RequestFailedException r ? $"storage_{r.Status}" : ex.GetType().Name.ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook: dropped a malformed '{Field}' part ({Reason}); it is not retried")]
    private static partial void LogDropped(ILogger logger, string field, string reason);
}
