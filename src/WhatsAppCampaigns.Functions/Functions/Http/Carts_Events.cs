using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Carts;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Carts_Events(CartsEndpoint endpoint)
{
    [Function(nameof(Carts_Events))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = CartsEndpoint.EventsRoute)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.PostEventAsync(request, cancellationToken);
}
