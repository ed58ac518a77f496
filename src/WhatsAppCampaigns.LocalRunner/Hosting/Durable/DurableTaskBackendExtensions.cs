using DurableTask.AzureStorage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;
using WhatsAppCampaigns.Core.Configuration;

namespace WhatsAppCampaigns.LocalRunner.Hosting.Durable;

public static class DurableTaskBackendExtensions
{
    /// <summary>The task hub's name before the storage name prefix; Durable names its queues, tables and containers after it.</summary>
    public const string TaskHubBaseName = "campaignslocal";

    /// <summary>
    /// Durable Task on the Azure Storage backend in the runner's own storage (Azurite locally): the campaign
    /// orchestrator and its activities, checkpointed in the task hub, and a client over the same hub.
    /// </summary>
    public static IServiceCollection AddAzureStorageDurableTask(this IServiceCollection services)
    {
        services.AddSingleton(sp => new AzureStorageOrchestrationService(CreateSettings(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<ILoggerFactory>())));
        services.AddDurableTaskWorker(builder => builder
            .AddTasks(registry => registry.AddCampaignTasks())
            .UseBuildTarget<AzureStorageDurableTaskWorker>());
        services.AddSingleton<DurableTaskClient>(sp =>
            new AzureStorageDurableTaskClient(TaskHubBaseName, sp.GetRequiredService<AzureStorageOrchestrationService>(), JsonDataConverter.Default));
        return services;
    }

    public static string TaskHubName(StorageOptions storage) => storage.NamePrefix + TaskHubBaseName;

    /// <summary>Deletes the task hub's queues, tables and containers (a test's clean-up; the runner must be stopped).</summary>
    public static Task DeleteTaskHubAsync(IServiceProvider services) =>
        services.GetRequiredService<AzureStorageOrchestrationService>().DeleteAsync();

    private static AzureStorageOrchestrationServiceSettings CreateSettings(StorageOptions storage, ILoggerFactory loggers)
    {
        if (string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            throw new InvalidOperationException("The local runner's Durable backend needs Storage:ConnectionString (Azurite).");
        }

        return new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(storage.ConnectionString),
            TaskHubName = TaskHubName(storage),
            LoggerFactory = loggers,
            PartitionCount = 4,
            UseTablePartitionManagement = true,
            // One runner at a time: a restarted one should not sit idle for the default 30 s poll or lease expiry.
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
            LeaseInterval = TimeSpan.FromSeconds(15),
            LeaseRenewInterval = TimeSpan.FromSeconds(5),
            LeaseAcquireInterval = TimeSpan.FromSeconds(2),
            // Work a killed runner had taken shows again after this, not the default 5 minutes; longer activities renew it.
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
            MaxConcurrentTaskOrchestrationWorkItems = 8,
            MaxConcurrentTaskActivityWorkItems = 8,
        };
    }
}
