using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Campaigns;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Campaigns_Forecast(ForecastEndpoint endpoint)
{
    [Function(nameof(Campaigns_Forecast))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ForecastEndpoint.Route)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.PostAsync(request, cancellationToken);
}
