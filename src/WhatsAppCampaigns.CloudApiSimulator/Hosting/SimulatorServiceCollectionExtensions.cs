using WhatsAppCampaigns.CloudApiSimulator.Control;
using WhatsAppCampaigns.CloudApiSimulator.Graph;
using WhatsAppCampaigns.CloudApiSimulator.Webhooks;

namespace WhatsAppCampaigns.CloudApiSimulator.Hosting;

/// <summary>Registrations and routes of the simulator, kept beside what they register.</summary>
internal static class SimulatorServiceCollectionExtensions
{
    private static readonly TimeSpan WebhookTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddCloudApiSimulator(this IServiceCollection services, CloudApiSimulatorOptions options, TimeProvider time)
    {
        var context = new SimulatorContext(options, time);
        services.AddSingleton(options);
        services.AddSingleton(context);
        services.AddSingleton(context.Scenario);
        services.AddSingleton(context.WebhookStats);
        services.AddSingleton<MessageSendPipeline>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<InboundWebhookPoster>();
        services.AddSingleton<WebhookVerification>();
        services.AddSingleton<StatusBatcher>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = WebhookTimeout);
        return services;
    }

    public static IEndpointRouteBuilder MapCloudApiSimulator(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/_sim").MapLedger().MapInbound().MapScenario();
        app.MapGraphApi();
        return app;
    }
}
