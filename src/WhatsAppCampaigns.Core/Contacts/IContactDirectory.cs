namespace WhatsAppCampaigns.Core.Contacts;

/// <summary>Reads and marks contacts; the contacts API owns writing them.</summary>
public interface IContactDirectory
{
    Task<Contact?> FindAsync(string phone, CancellationToken cancellationToken = default);

    /// <summary>Records that Graph cannot deliver to this number (131026), so nothing more is sent to it.</summary>
    Task MarkUndeliverableAsync(string phone, string reason, DateTimeOffset at, CancellationToken cancellationToken = default);
}
