using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Contacts;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Contacts_Get(ContactsEndpoint endpoint)
{
    [Function(nameof(Contacts_Get))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ContactsEndpoint.Route)] HttpRequest request,
        string phone,
        CancellationToken cancellationToken) =>
        endpoint.GetAsync(phone, cancellationToken);
}
