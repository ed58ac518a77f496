using WhatsAppCampaigns.Api.Carts;
using WhatsAppCampaigns.Api.Contacts;
using WhatsAppCampaigns.Api.Health;
using WhatsAppCampaigns.Api.Sending;
using WhatsAppCampaigns.Api.Webhooks;

namespace WhatsAppCampaigns.LocalRunner;

/// <summary>The local runner's route table: the same routes and handlers as the Functions app's HTTP triggers.</summary>
public static class Endpoints
{
    public static IEndpointRouteBuilder MapCampaignEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet(HealthEndpoint.Route, (HealthEndpoint e, CancellationToken ct) => e.GetAsync(ct));

        api.MapPut(ContactsEndpoint.Route, (string phone, HttpRequest r, ContactsEndpoint e, CancellationToken ct) => e.PutAsync(phone, r, ct));
        api.MapGet(ContactsEndpoint.Route, (string phone, ContactsEndpoint e, CancellationToken ct) => e.GetAsync(phone, ct));
        api.MapDelete(ContactsEndpoint.Route, (string phone, ContactsEndpoint e, CancellationToken ct) => e.DeleteAsync(phone, ct));
        api.MapGet(ContactsEndpoint.ExportRoute, (string phone, ContactsEndpoint e, CancellationToken ct) => e.ExportAsync(phone, ct));
        api.MapPost(ContactImportEndpoint.Route, (HttpRequest r, ContactImportEndpoint e, CancellationToken ct) => e.PostAsync(r, ct));
        api.MapPost(ConsentEndpoint.Route, (string phone, HttpRequest r, ConsentEndpoint e, CancellationToken ct) => e.PostAsync(phone, r, ct));

        api.MapGet(WebhookEndpoint.Route, (HttpRequest r, WebhookEndpoint e) => e.Verify(r));
        api.MapPost(WebhookEndpoint.Route, (HttpRequest r, WebhookEndpoint e, CancellationToken ct) => e.ReceiveAsync(r, ct));

        api.MapPost(CartsEndpoint.EventsRoute, (HttpRequest r, CartsEndpoint e, CancellationToken ct) => e.PostEventAsync(r, ct));
        api.MapGet(CartsEndpoint.StatsRoute, (HttpRequest r, CartsEndpoint e, CancellationToken ct) => e.GetStatsAsync(r, ct));

        api.MapGet(DeadLetterEndpoints.ListRoute, (DeadLetterEndpoints e, HttpRequest request, CancellationToken ct) => e.ListAsync(request, ct));
        api.MapPost(DeadLetterEndpoints.ReplayRoute, (DeadLetterEndpoints e, string id, CancellationToken ct) => e.ReplayAsync(id, ct));
        return app;
    }
}
