namespace WhatsAppCampaigns.CloudApiSimulator.Graph;

/// <summary>The parts of a validated template send that the simulator acts on.</summary>
internal sealed record TemplateSendRequest(
    string To,
    string TemplateName,
    string LanguageCode,
    int BodyParameterCount,
    string? BizOpaqueCallbackData);
