using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Sending;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Sends_DeadLetters_Http(DeadLetterEndpoints endpoints)
{
    [Function(nameof(Sends_DeadLetters_Http))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = DeadLetterEndpoints.ListRoute)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.ListAsync(request, cancellationToken);
}
