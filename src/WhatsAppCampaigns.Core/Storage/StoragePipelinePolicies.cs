using Azure.Core.Pipeline;

namespace WhatsAppCampaigns.Core.Storage;

/// <summary>
/// Optional extra Azure SDK pipeline policies for the storage clients (register one to count or trace requests,
/// as the benchmarks do). Each policy runs once per HTTP request, retries included.
/// </summary>
public sealed class StoragePipelinePolicies
{
    public List<HttpPipelinePolicy> Tables { get; } = [];

    public List<HttpPipelinePolicy> Queues { get; } = [];
}
