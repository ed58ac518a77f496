using Microsoft.DurableTask.Testing;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;
using WhatsAppCampaigns.Core.Carts;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Webhooks;
using WhatsAppCampaigns.LocalRunner.Hosting;

namespace WhatsAppCampaigns.LocalRunner;

public static class LocalRunnerServiceCollectionExtensions
{
    /// <summary>What the Functions host would otherwise provide: triggers for queues and timers, and a Durable Task backend.</summary>
    public static IServiceCollection AddLocalRunnerHosting(this IServiceCollection services, IConfiguration configuration)
    {
        // The in-process Durable host serves its gRPC sidecar on a loopback port; ask the OS for a free one.
        services.AddInMemoryDurableTask(registry => registry.AddCampaignTasks(), new InMemoryDurableTaskOptions { Port = FreeTcpPort.Next() });
        services.AddQueuePump<WebhookQueueProcessor>(new QueuePumpOptions { QueueName = StorageNames.WebhooksQueueName });
        services.AddPeriodicJob<CartReminderJob>(TimeSpan.FromMinutes(1));
        // The same settings as host.json's extensions.queues.
        services.AddQueuePump<SendProcessor>(new QueuePumpOptions { QueueName = StorageNames.SendsQueueName, BatchSize = 16, MaxConcurrency = 16 });

        return services;
    }
}
