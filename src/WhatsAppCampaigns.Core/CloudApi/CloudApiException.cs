namespace WhatsAppCampaigns.Core.CloudApi;

/// <summary>Thrown by the read calls (not by sends, which return their refusal) when Graph refuses.</summary>
public sealed class CloudApiException(GraphError error)
    : Exception($"Graph API error {error.Code} ({error.Class}): {error.Message}")
{
    public GraphError Error { get; } = error;
}
