using WhatsAppCampaigns.Core.Consent;

namespace WhatsAppCampaigns.Core.Contacts;

/// <summary>Everything the product holds about one number: the contact, its consent (current and history), its service window.</summary>
/// <param name="SuppressedSince">When the number's data was erased, if it is on the suppression list.</param>
public sealed record ContactProfile(
    string Phone,
    Contact? Contact,
    IReadOnlyList<ConsentState> Consent,
    IReadOnlyList<ConsentChange> History,
    DateTimeOffset? LastInboundAt,
    DateTimeOffset? SuppressedSince)
{
    public bool IsEmpty => Contact is null && History.Count == 0 && LastInboundAt is null && SuppressedSince is null;
}
