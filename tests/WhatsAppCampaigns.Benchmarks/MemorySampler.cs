using System.Diagnostics;
using Microsoft.DurableTask.Client;
using WhatsAppCampaigns.Core.Campaigns;

namespace WhatsAppCampaigns.Benchmarks;

/// <summary>Polls a campaign's orchestration to its end, sampling this process's managed heap and working set.</summary>
internal sealed class MemorySampler
{
    private const double Mb = 1024 * 1024;

    public double PeakHeapMb { get; private set; }

    public double PeakWorkingSetMb { get; private set; }

    /// <summary>Managed heap (after a non-forced read) when the fan-out passed 25, 50, 75 and 100 % of the audience.</summary>
    public List<double> Quartiles { get; } = [];

    public async Task<OrchestrationMetadata> RunUntilAsync(DurableTaskClient client, string instanceId, int audience)
    {
        var watch = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            var heap = GC.GetTotalMemory(false) / Mb;
            PeakHeapMb = Math.Max(PeakHeapMb, heap);
            using var process = Process.GetCurrentProcess();
            PeakWorkingSetMb = Math.Max(PeakWorkingSetMb, process.WorkingSet64 / Mb);
            var enqueued = instance?.SerializedCustomStatus is { Length: > 0 } ? instance.ReadCustomStatusAs<CampaignRunStatus>()!.Totals.Enqueued : 0;
            while (Quartiles.Count < 4 && enqueued >= audience * (Quartiles.Count + 1) / 4.0)
            {
                Quartiles.Add(heap);
            }

            if (watch.Elapsed - lastReport > TimeSpan.FromSeconds(30))
            {
                lastReport = watch.Elapsed;
                Console.WriteLine($"  {watch.Elapsed.TotalSeconds,6:F0} s: {enqueued:N0} enqueued, heap {heap:F0} MB");
            }

            if (instance is { IsCompleted: true })
            {
                return instance;
            }

            await Task.Delay(500);
        }
    }
}
