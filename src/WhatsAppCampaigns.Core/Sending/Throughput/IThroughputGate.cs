namespace WhatsAppCampaigns.Core.Sending.Throughput;

/// <summary>Paces sends per phone number across every sender instance.</summary>
public interface IThroughputGate
{
    /// <summary>Waits (briefly) for this number's next send slot; returns false with a time when the wait would be too long.</summary>
    Task<ThroughputPermit> AcquireAsync(string phoneNumberId, int messagesPerSecond, CancellationToken cancellationToken);

    /// <summary>Graph answered 130429: this instance slows down for the number, and recovers gradually.</summary>
    void ReportRateLimited(string phoneNumberId);
}

public sealed record ThroughputPermit(bool Granted, DateTimeOffset? RetryAt = null)
{
    public static readonly ThroughputPermit Now = new(true);
}
