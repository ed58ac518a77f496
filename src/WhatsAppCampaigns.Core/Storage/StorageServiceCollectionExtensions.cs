using Microsoft.Extensions.DependencyInjection;

namespace WhatsAppCampaigns.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Declares tables a feature owns, so that start-up creates them (with the configured prefix).</summary>
    public static IServiceCollection AddTables(this IServiceCollection services, params string[] tableNames)
    {
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(TableRegistry))?.ImplementationInstance as TableRegistry;
        if (registry is null)
        {
            registry = new TableRegistry();
            services.AddSingleton(registry);
        }

        registry.Add(tableNames);
        return services;
    }
}
