namespace WhatsAppCampaigns.CloudApiSimulator;

/// <summary>How status webhooks are produced. Immutable: swap the whole record to change it at run time.</summary>
public sealed record WebhookBehavior
{
    /// <summary>Chance (0–1) that a sent message is reported delivered.</summary>
    public double DeliveredProbability { get; init; } = 1.0;

    /// <summary>Chance (0–1) that a delivered message is then reported read.</summary>
    public double ReadProbability { get; init; } = 0.5;

    /// <summary>Shortest real-time wait before each status POST, in milliseconds.</summary>
    public int MinDelayMs { get; init; }

    /// <summary>Longest real-time wait before each status POST, in milliseconds.</summary>
    public int MaxDelayMs { get; init; } = 20;

    /// <summary>Chance (0–1) that one status of a message is POSTed twice (byte-identical).</summary>
    public double DuplicateRate { get; init; }

    /// <summary>Chance (0–1) that a message's statuses are POSTed in reverse order (read before delivered before sent).</summary>
    public double ReorderRate { get; init; }

    /// <summary>Most statuses in one POST. Above 1, statuses due at about the same time (any messages, same business number) share a POST, as Meta batches.</summary>
    public int MaxStatusesPerPost { get; init; } = 1;

    /// <summary>How long a batch waits for more statuses once the first is due, in milliseconds.</summary>
    public int BatchLingerMs { get; init; } = 5;

    /// <summary>Attempts per webhook POST before it is given up (Meta retries failures).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Wait before the first retry; doubled at each further one.</summary>
    public int RetryBaseDelayMs { get; init; } = 100;
}
