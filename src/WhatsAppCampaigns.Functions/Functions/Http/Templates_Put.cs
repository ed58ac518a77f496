using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Templates;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Templates_Put(TemplatesEndpoint endpoint)
{
    [Function(nameof(Templates_Put))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = TemplatesEndpoint.ItemRoute)] HttpRequest request,
        string name,
        string language,
        CancellationToken cancellationToken) =>
        endpoint.PutAsync(name, language, request, cancellationToken);
}
