using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WhatsAppCampaigns.Api.Campaigns;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Campaigns_Get(CampaignsEndpoint endpoint)
{
    [Function(nameof(Campaigns_Get))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = CampaignsEndpoint.ItemRoute)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        endpoint.GetAsync(id, durable, cancellationToken);
}
