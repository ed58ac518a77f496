using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Health;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Health_Check(HealthEndpoint endpoint)
{
    [Function(nameof(Health_Check))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HealthEndpoint.Route)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.GetAsync(cancellationToken);
}
