using Microsoft.DurableTask.Testing;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;

namespace WhatsAppCampaigns.LocalRunner;

public static class LocalRunnerServiceCollectionExtensions
{
    /// <summary>What the Functions host would otherwise provide: triggers for queues and timers, and a Durable Task backend.</summary>
    public static IServiceCollection AddLocalRunnerHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddInMemoryDurableTask(registry => registry.AddCampaignTasks());
        return services;
    }
}
