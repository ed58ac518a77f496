using WhatsAppCampaigns.Core.Consent;

namespace WhatsAppCampaigns.Core.Contacts;

/// <summary>
/// Everything the product holds about one number: the contact, its consent (current and history), its service window,
/// and the records other features keep under it (<see cref="IPersonalDataStore"/>).
/// </summary>
/// <param name="SuppressedSince">When the number's data was erased, if it is on the suppression list.</param>
/// <param name="Records">By store name, what each <see cref="IPersonalDataStore"/> holds; stores holding nothing are left out.</param>
public sealed record ContactProfile(
    string Phone,
    Contact? Contact,
    IReadOnlyList<ConsentState> Consent,
    IReadOnlyList<ConsentChange> History,
    DateTimeOffset? LastInboundAt,
    DateTimeOffset? SuppressedSince,
    IReadOnlyDictionary<string, object> Records)
{
    public bool IsEmpty => Contact is null && History.Count == 0 && LastInboundAt is null && SuppressedSince is null && Records.Count == 0;
}
