using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Api.Contacts;

namespace WhatsAppCampaigns.Functions.Functions.Http;

public sealed class Contacts_Import(ContactImportEndpoint endpoint)
{
    [Function(nameof(Contacts_Import))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ContactImportEndpoint.Route)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.PostAsync(request, cancellationToken);
}
