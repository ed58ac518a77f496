namespace WhatsAppCampaigns.Core.Audiences;

/// <summary>A contact as the tag index copies it: enough to filter and personalise without reading the contacts table.</summary>
public sealed record AudienceMember(
    string Phone,
    string Country,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Attributes,
    bool Undeliverable = false);
