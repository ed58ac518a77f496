using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Webhooks;

namespace WhatsAppCampaigns.Functions.Functions.Http;

/// <summary>Anonymous: Meta cannot send a function key; the verify token is the check.</summary>
public sealed class Webhooks_Verify(WebhookEndpoint endpoint)
{
    [Function(nameof(Webhooks_Verify))]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = WebhookEndpoint.Route)] HttpRequest request) =>
        endpoint.Verify(request);
}
