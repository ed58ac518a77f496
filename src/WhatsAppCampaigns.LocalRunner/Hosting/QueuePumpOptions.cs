using System.Text.Json;

namespace WhatsAppCampaigns.LocalRunner.Hosting;

/// <summary>
/// How a queue trigger takes messages, read from the same place the Functions host reads it: host.json's
/// <c>extensions.queues</c> (batchSize, newBatchThreshold, maxDequeueCount, visibilityTimeout, maxPollingInterval).
/// </summary>
public sealed class QueuePumpOptions
{
    public required string QueueName { get; init; }

    public int BatchSize { get; init; } = 16;

    /// <summary>Messages handled at once: the host fetches a new batch when fewer than newBatchThreshold remain, so up to batchSize + newBatchThreshold.</summary>
    public int MaxConcurrency { get; init; } = 24;

    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>After a failed attempt, a message is seen again after this (host.json <c>visibilityTimeout</c>).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// How long a received message stays hidden from other receivers; renewed while it is handled. Short, so that the
    /// messages a killed runner held come back within seconds of its restart rather than the host's 10 minutes.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The settings for <paramref name="queueName"/> from a host.json file (defaults where a value is missing, as the host does).</summary>
    public static QueuePumpOptions FromHostJson(string path, string queueName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var queues = document.RootElement.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("queues", out var q) ? q : default;
        int Int(string name, int fallback) => queues.ValueKind == JsonValueKind.Object && queues.TryGetProperty(name, out var v) ? v.GetInt32() : fallback;
        TimeSpan Time(string name, TimeSpan fallback) => queues.ValueKind == JsonValueKind.Object && queues.TryGetProperty(name, out var v) ? TimeSpan.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var batch = Int("batchSize", 16);
        return new QueuePumpOptions
        {
            QueueName = queueName,
            BatchSize = batch,
            MaxConcurrency = batch + Int("newBatchThreshold", batch / 2),
            MaxDequeueCount = Int("maxDequeueCount", 5),
            RetryDelay = Time("visibilityTimeout", TimeSpan.Zero),
            MaxPollingInterval = Time("maxPollingInterval", TimeSpan.FromMinutes(1)),
        };
    }
}
