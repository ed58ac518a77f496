using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Templates;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Templates_Sync(TemplatesEndpoint endpoint)
{
    [Function(nameof(Templates_Sync))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = TemplatesEndpoint.SyncRoute)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.SyncAsync(cancellationToken);
}
