using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Carts;
using WhatsAppCampaigns.Core.CloudApi;
using WhatsAppCampaigns.Core.Configuration;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Health;
using WhatsAppCampaigns.Core.Journeys;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Webhooks;

namespace WhatsAppCampaigns.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Everything both hosts (the Functions app and the local runner) need from the core.</summary>
    public static IServiceCollection AddCampaignCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddTimeProvider();
        services.AddOptions<WhatsAppOptions>().Bind(configuration.GetSection(WhatsAppOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WhatsAppOptions>, WhatsAppOptionsValidator>();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddTables();
        services.AddSingleton<StorageNames>();
        services.AddSingleton<StorageClients>();
        // First of all hosted services: the host's own (the Functions worker's gRPC channel, the local runner's pumps)
        // start after it, so no invocation can reach a table that is not there yet.
        services.Insert(0, ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, StorageInitializer>());
        services.AddSingleton<HealthProbe>();

        services.AddCloudApiClient();
        services.AddTables(MessageEntity.TableName, RecipientDeliveries.TableName);
        services.AddSingleton<IMessageLedger, TableMessageLedger>();
        services.AddSingleton<IPersonalDataStore>(sp => new RecipientDeliveries(sp.GetRequiredService<StorageClients>()));
        services.AddSingleton<ISendQueue, QueueSendQueue>();
        services.AddJourneyEngine();
        services.AddCartReminders(configuration);
        services.AddContactsAndConsent(configuration);
        services.AddWebhooks(configuration);
        services.AddSending(configuration);
        services.AddCampaigns(configuration);
        return services;
    }

    public static IServiceCollection AddCloudApiClient(this IServiceCollection services)
    {
        services.TryAddTimeProvider();
        services.AddSingleton<CloudApiResilience>();
        services.AddHttpClient<ICloudApiClient, CloudApiClient>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<WhatsAppOptions>>().Value;
            http.BaseAddress = options.GraphBaseUrl;
            http.Timeout = options.RequestTimeout;
        });
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
