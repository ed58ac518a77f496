using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Sending;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Sends_ReplayDeadLetter(DeadLetterEndpoints endpoints)
{
    [Function(nameof(Sends_ReplayDeadLetter))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = DeadLetterEndpoints.ReplayRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        endpoints.ReplayAsync(id, cancellationToken);
}
