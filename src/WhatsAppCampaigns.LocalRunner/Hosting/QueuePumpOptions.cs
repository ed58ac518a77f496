namespace WhatsAppCampaigns.LocalRunner.Hosting;

/// <summary>Mirrors the Functions host's queue settings (host.json <c>extensions.queues</c>) for one queue.</summary>
public sealed class QueuePumpOptions
{
    public required string QueueName { get; init; }

    public int BatchSize { get; init; } = 32;

    public int MaxConcurrency { get; init; } = 16;

    public int MaxDequeueCount { get; init; } = 5;

    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromSeconds(1);
}
