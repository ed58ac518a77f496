using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Contacts;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Contacts_Export(ContactsEndpoint endpoint)
{
    [Function(nameof(Contacts_Export))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ContactsEndpoint.ExportRoute)] HttpRequest request,
        string phone,
        CancellationToken cancellationToken) =>
        endpoint.ExportAsync(phone, cancellationToken);
}
