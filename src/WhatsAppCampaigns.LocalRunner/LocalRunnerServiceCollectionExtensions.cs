using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Carts;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Webhooks;
using WhatsAppCampaigns.LocalRunner.Hosting;
using WhatsAppCampaigns.LocalRunner.Hosting.Durable;

namespace WhatsAppCampaigns.LocalRunner;

public static class LocalRunnerServiceCollectionExtensions
{
    /// <summary>The host.json the Functions app ships, copied beside the runner: its queue settings are the runner's too.</summary>
    public static readonly string HostJson = Path.Combine(AppContext.BaseDirectory, "host.json");

    /// <summary>What the Functions host would otherwise provide: triggers for queues and timers, and a Durable Task backend.</summary>
    public static IServiceCollection AddLocalRunnerHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAzureStorageDurableTask();
        services.AddQueuePump<WebhookQueueProcessor>(QueuePumpOptions.FromHostJson(HostJson, StorageNames.WebhooksQueueName));
        services.AddQueuePump<WebhookQueueProcessor>(QueuePumpOptions.FromHostJson(HostJson, StorageNames.ConsentWebhooksQueueName));
        services.AddQueuePump<SendProcessor>(QueuePumpOptions.FromHostJson(HostJson, StorageNames.SendsQueueName));
        services.AddQueuePump<CampaignSignalTrigger>(QueuePumpOptions.FromHostJson(HostJson, StorageNames.ControlQueueName));
        services.AddScheduledJob<CartReminderJob>(sp => sp.GetRequiredService<IOptions<CartReminderOptions>>().Value.Schedule);
        return services;
    }
}
