using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Options;

namespace WhatsAppCampaigns.LocalRunner.Hosting.Durable;

/// <summary>
/// The Durable Task worker of the local runner: DurableTask.Core's <see cref="TaskHubWorker"/> over the Azure Storage
/// backend (the one Durable Functions uses), so orchestrations are checkpointed in storage and a restarted runner
/// picks up where the last one stopped.
/// </summary>
internal sealed class AzureStorageDurableTaskWorker(
    string name,
    IDurableTaskFactory factory,
    IOptionsMonitor<DurableTaskWorkerOptions> options,
    AzureStorageOrchestrationService service,
    IServiceProvider services,
    ILoggerFactory loggerFactory) : DurableTaskWorker(name, factory)
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var shims = new DurableTaskShimFactory(options.Get(Name), loggerFactory);
        var worker = new TaskHubWorker(
            service,
            new ShimOrchestrationManager(Factory, services, shims),
            new ShimActivityManager(Factory, services.GetRequiredService<IServiceScopeFactory>(), shims),
            loggerFactory);
        await service.CreateIfNotExistsAsync();
        await worker.StartAsync();
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: let in-flight work items finish and release the partitions for the next runner.
        }

        await worker.StopAsync(isForced: false);
    }
}
