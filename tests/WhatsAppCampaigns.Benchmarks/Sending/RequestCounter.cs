using Azure.Core;
using Azure.Core.Pipeline;

namespace WhatsAppCampaigns.Benchmarks.Sending;

/// <summary>Counts the HTTP requests (billable storage transactions, retries included) a storage client sends.</summary>
public sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
