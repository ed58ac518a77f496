using WhatsAppCampaigns.Api.Health;
using WhatsAppCampaigns.Api.Sending;

namespace WhatsAppCampaigns.LocalRunner;

/// <summary>The local runner's route table: the same routes and handlers as the Functions app's HTTP triggers.</summary>
public static class Endpoints
{
    public static IEndpointRouteBuilder MapCampaignEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet(HealthEndpoint.Route, (HealthEndpoint e, CancellationToken ct) => e.GetAsync(ct));
        api.MapGet(DeadLetterEndpoints.ListRoute, (DeadLetterEndpoints e, HttpRequest request, CancellationToken ct) => e.ListAsync(request, ct));
        api.MapPost(DeadLetterEndpoints.ReplayRoute, (DeadLetterEndpoints e, string id, CancellationToken ct) => e.ReplayAsync(id, ct));
        return app;
    }
}
