using WhatsAppCampaigns.Core.Sending.Throughput;

namespace WhatsAppCampaigns.IntegrationTests.Sending.TestDoubles;

/// <summary>For tests on a fake clock, where pacing waits would never end; throughput has its own tests and benchmark.</summary>
public sealed class UnthrottledThroughputGate : IThroughputGate
{
    public int RateLimitedReports;

    public Task<ThroughputPermit> AcquireAsync(string phoneNumberId, int messagesPerSecond, CancellationToken cancellationToken) =>
        Task.FromResult(ThroughputPermit.Now);

    public void ReportRateLimited(string phoneNumberId) => Interlocked.Increment(ref RateLimitedReports);
}
