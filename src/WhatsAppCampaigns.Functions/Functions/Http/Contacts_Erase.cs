using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Contacts;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Contacts_Erase(ContactsEndpoint endpoint)
{
    [Function(nameof(Contacts_Erase))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = ContactsEndpoint.Route)] HttpRequest request,
        string phone,
        CancellationToken cancellationToken) =>
        endpoint.DeleteAsync(phone, cancellationToken);
}
