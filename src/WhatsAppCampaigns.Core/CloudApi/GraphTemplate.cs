using System.Text.Json;

namespace WhatsAppCampaigns.Core.CloudApi;

/// <summary>A message template as the account's template list reports it.</summary>
/// <param name="Components">Raw component objects (HEADER, BODY, FOOTER, BUTTONS) as Graph returned them.</param>
public sealed record GraphTemplate(
    string? Id,
    string Name,
    string Language,
    string Status,
    string Category,
    IReadOnlyList<JsonElement> Components);
