using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WhatsAppCampaigns.Api.Campaigns;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Campaigns_Pause(CampaignsEndpoint endpoint)
{
    [Function(nameof(Campaigns_Pause))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = CampaignsEndpoint.PauseRoute)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        endpoint.PauseAsync(id, durable, cancellationToken);
}
