using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Sending;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Sends_ListDeadLetters(DeadLetterEndpoints endpoints)
{
    [Function(nameof(Sends_ListDeadLetters))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = DeadLetterEndpoints.ListRoute)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.ListAsync(request, cancellationToken);
}
