using Microsoft.DurableTask.Client;
using WhatsAppCampaigns.Api.Campaigns;
using WhatsAppCampaigns.Api.Carts;
using WhatsAppCampaigns.Api.Contacts;
using WhatsAppCampaigns.Api.Health;
using WhatsAppCampaigns.Api.Sending;
using WhatsAppCampaigns.Api.Templates;
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

        api.MapPut(TemplatesEndpoint.ItemRoute, (string name, string language, HttpRequest r, TemplatesEndpoint e, CancellationToken ct) => e.PutAsync(name, language, r, ct));
        api.MapGet(TemplatesEndpoint.ItemRoute, (string name, string language, TemplatesEndpoint e, CancellationToken ct) => e.GetAsync(name, language, ct));
        api.MapPost(TemplatesEndpoint.SyncRoute, (TemplatesEndpoint e, CancellationToken ct) => e.SyncAsync(ct));
        api.MapPost(ForecastEndpoint.Route, (HttpRequest r, ForecastEndpoint e, CancellationToken ct) => e.PostAsync(r, ct));
        api.MapPost(CampaignsEndpoint.Route, (HttpRequest r, CampaignsEndpoint e, DurableTaskClient d, CancellationToken ct) => e.CreateAsync(r, d, ct));
        api.MapGet(CampaignsEndpoint.ItemRoute, (string id, CampaignsEndpoint e, DurableTaskClient d, CancellationToken ct) => e.GetAsync(id, d, ct));
        api.MapPost(CampaignsEndpoint.PauseRoute, (string id, CampaignsEndpoint e, DurableTaskClient d, CancellationToken ct) => e.PauseAsync(id, d, ct));
        api.MapPost(CampaignsEndpoint.ResumeRoute, (string id, CampaignsEndpoint e, DurableTaskClient d, CancellationToken ct) => e.ResumeAsync(id, d, ct));
        api.MapPost(CampaignsEndpoint.CancelRoute, (string id, CampaignsEndpoint e, DurableTaskClient d, CancellationToken ct) => e.CancelAsync(id, d, ct));
        api.MapPost(CampaignsEndpoint.WinnerRoute, (string id, HttpRequest r, CampaignsEndpoint e, CancellationToken ct) => e.PickWinnerAsync(id, r, ct));

        api.MapGet(DeadLetterEndpoints.ListRoute, (DeadLetterEndpoints e, HttpRequest request, CancellationToken ct) => e.ListAsync(request, ct));
        api.MapPost(DeadLetterEndpoints.ReplayRoute, (DeadLetterEndpoints e, string id, CancellationToken ct) => e.ReplayAsync(id, ct));
        return app;
    }
}
