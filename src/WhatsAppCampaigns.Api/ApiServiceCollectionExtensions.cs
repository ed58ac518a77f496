using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.Api.Campaigns;
using WhatsAppCampaigns.Api.Carts;
using WhatsAppCampaigns.Api.Health;
using WhatsAppCampaigns.Api.Templates;

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
        return services;
    }
}
