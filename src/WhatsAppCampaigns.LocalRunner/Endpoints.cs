using WhatsAppCampaigns.Api.Health;

namespace WhatsAppCampaigns.LocalRunner;

/// <summary>The local runner's route table: the same routes and handlers as the Functions app's HTTP triggers.</summary>
public static class Endpoints
{
    public static IEndpointRouteBuilder MapCampaignEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet(HealthEndpoint.Route, (HealthEndpoint e, CancellationToken ct) => e.GetAsync(ct));
        return app;
    }
}
