using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Templates;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Templates_Get(TemplatesEndpoint endpoint)
{
    [Function(nameof(Templates_Get))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = TemplatesEndpoint.ItemRoute)] HttpRequest request,
        string name,
        string language,
        CancellationToken cancellationToken) =>
        endpoint.GetAsync(name, language, cancellationToken);
}
