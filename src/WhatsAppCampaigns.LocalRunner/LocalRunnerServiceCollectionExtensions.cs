using Microsoft.DurableTask.Testing;
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
        services.AddInMemoryDurableTask(registry => { });
        services.AddQueuePump<WebhookQueueProcessor>(new QueuePumpOptions { QueueName = StorageNames.WebhooksQueueName });
        services.AddPeriodicJob<CartReminderJob>(TimeSpan.FromMinutes(1));
        if (SendProcessorDependencies.AllRegistered(services))
        {
            // The same settings as host.json's extensions.queues.
            services.AddQueuePump<SendProcessor>(new QueuePumpOptions { QueueName = StorageNames.SendsQueueName, BatchSize = 16, MaxConcurrency = 16 });
        }

        return services;
    }
}
