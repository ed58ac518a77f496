using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.Core.Webhooks.Handlers;

namespace WhatsAppCampaigns.Core.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>The webhook receiver's fast path and the <c>wa-webhooks</c> queue processor with its handlers.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName));
        services.AddSingleton<WebhookProcessingStats>();
        services.AddSingleton<WebhookInbox>();
        services.AddSingleton<WebhookReceiver>();
        services.AddSingleton<IWebhookChangeHandler, StatusUpdateHandler>();
        services.AddSingleton<IWebhookChangeHandler, InboundMessageHandler>();
        services.AddSingleton<IWebhookChangeHandler, UserPreferencesHandler>();
        services.AddSingleton<IWebhookChangeHandler, TemplateUpdateHandler>();
        services.AddSingleton<IWebhookChangeHandler, AccountUpdateHandler>();
        services.AddSingleton<WebhookQueueProcessor>();
        return services;
    }
}
