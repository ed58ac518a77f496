using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Conversations;

namespace WhatsAppCampaigns.Core.Contacts;

/// <summary>
/// The data-subject operations over every store that holds a number: read it all, export it, erase it (GDPR). Stores
/// of other features take part by registering an <see cref="IPersonalDataStore"/>.
/// </summary>
public sealed class ContactRecords(
    TableContactDirectory contacts,
    TableConsentLedger consent,
    SuppressionList suppressions,
    TableCustomerServiceWindows windows,
    IEnumerable<IPersonalDataStore> others,
    TimeProvider time)
{
    public async Task<ContactProfile> ReadAsync(string phone, CancellationToken cancellationToken = default)
    {
        var contact = contacts.FindAsync(phone, cancellationToken);
        var marketing = consent.GetAsync(phone, ConsentScope.Marketing, cancellationToken);
        var utility = consent.GetAsync(phone, ConsentScope.Utility, cancellationToken);
        var history = consent.GetHistoryAsync(phone, cancellationToken);
        var window = windows.LastInboundAsync(phone, cancellationToken);
        var suppressed = suppressions.GetAsync(phone, cancellationToken);
        var records = Task.WhenAll(others.Select(async store => (store.Name, Record: await store.ExportAsync(phone, cancellationToken))));
        await Task.WhenAll(contact, marketing, utility, history, window, suppressed, records);
        var held = records.Result.Where(r => r.Record is not null).ToDictionary(r => r.Name, r => r.Record!, StringComparer.Ordinal);
        return new ContactProfile(phone, contact.Result, [marketing.Result, utility.Result], history.Result, window.Result, suppressed.Result, held);
    }

    /// <summary>
    /// Erases the person's data and leaves only the hashed suppression entry. The suppression is written first,
    /// so that a failure half-way never leaves a number both erased and messageable; erasing twice is harmless.
    /// </summary>
    public async Task EraseAsync(string phone, CancellationToken cancellationToken = default)
    {
        await suppressions.SuppressAsync(phone, time.GetUtcNow(), cancellationToken);
        await Task.WhenAll(
            contacts.DeleteAsync(phone, cancellationToken),
            consent.EraseAsync(phone, cancellationToken),
            windows.EraseAsync(phone, cancellationToken),
            Task.WhenAll(others.Select(store => store.EraseAsync(phone, cancellationToken))));
    }
}
