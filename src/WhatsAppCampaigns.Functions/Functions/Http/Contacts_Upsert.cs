using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Contacts;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Contacts_Upsert(ContactsEndpoint endpoint)
{
    [Function(nameof(Contacts_Upsert))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ContactsEndpoint.Route)] HttpRequest request,
        string phone,
        CancellationToken cancellationToken) =>
        endpoint.PutAsync(phone, request, cancellationToken);
}
