using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Contacts;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Contacts_RecordConsent(ConsentEndpoint endpoint)
{
    [Function(nameof(Contacts_RecordConsent))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ConsentEndpoint.Route)] HttpRequest request,
        string phone,
        CancellationToken cancellationToken) =>
        endpoint.PostAsync(phone, request, cancellationToken);
}
