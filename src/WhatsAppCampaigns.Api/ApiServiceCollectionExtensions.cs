using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.Api.Campaigns;
using WhatsAppCampaigns.Api.Carts;
using WhatsAppCampaigns.Api.Contacts;
using WhatsAppCampaigns.Api.Health;
using WhatsAppCampaigns.Api.Sending;
using WhatsAppCampaigns.Api.Templates;
using WhatsAppCampaigns.Api.Webhooks;

namespace WhatsAppCampaigns.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The HTTP endpoint handlers; each host maps its own routes onto them.</summary>
    public static IServiceCollection AddCampaignApi(this IServiceCollection services)
    {
        services.AddSingleton<HealthEndpoint>();
        services.AddSingleton<TemplatesEndpoint>();
        services.AddSingleton<CampaignsEndpoint>();
        services.AddSingleton<ForecastEndpoint>();
        services.AddSingleton<CartsEndpoint>();
        services.AddSingleton<ContactsEndpoint>();
        services.AddSingleton<ContactImportEndpoint>();
        services.AddSingleton<ConsentEndpoint>();
        services.AddSingleton<WebhookEndpoint>();
        services.AddSingleton<DeadLetterEndpoints>();
        return services;
    }
}
