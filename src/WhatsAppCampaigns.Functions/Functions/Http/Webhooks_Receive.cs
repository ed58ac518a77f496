using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Webhooks;

namespace WhatsAppCampaigns.Functions.Functions.Http;

/// <summary>Anonymous: Meta cannot send a function key; X-Hub-Signature-256 over the raw body is the check.</summary>
public sealed class Webhooks_Receive(WebhookEndpoint endpoint)
{
    [Function(nameof(Webhooks_Receive))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebhookEndpoint.Route)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.ReceiveAsync(request, cancellationToken);
}
