using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Campaigns;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Campaigns_Winner(CampaignsEndpoint endpoint)
{
    [Function(nameof(Campaigns_Winner))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = CampaignsEndpoint.WinnerRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        endpoint.PickWinnerAsync(id, request, cancellationToken);
}
