using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Carts;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Carts_Stats(CartsEndpoint endpoint)
{
    [Function(nameof(Carts_Stats))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = CartsEndpoint.StatsRoute)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.GetStatsAsync(request, cancellationToken);
}
