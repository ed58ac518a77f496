using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WhatsAppCampaigns.Api.Campaigns;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Campaigns_Create(CampaignsEndpoint endpoint)
{
    [Function(nameof(Campaigns_Create))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = CampaignsEndpoint.Route)] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        endpoint.CreateAsync(request, durable, cancellationToken);
}
