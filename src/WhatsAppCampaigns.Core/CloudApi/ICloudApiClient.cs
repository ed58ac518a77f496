namespace WhatsAppCampaigns.Core.CloudApi;

/// <summary>The WhatsApp Cloud API calls this product makes.</summary>
public interface ICloudApiClient
{
    /// <summary>Sends a template message; never throws for a Graph refusal, which comes back classified.</summary>
    Task<SendOutcome> SendTemplateAsync(string phoneNumberId, TemplateMessage message, CancellationToken cancellationToken = default);

    /// <summary>Reads every template of the business account, following Graph's paging.</summary>
    Task<IReadOnlyList<GraphTemplate>> ListTemplatesAsync(CancellationToken cancellationToken = default);
}
