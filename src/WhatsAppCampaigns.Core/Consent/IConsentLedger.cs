namespace WhatsAppCampaigns.Core.Consent;

/// <summary>
/// The product's promise to the people it messages. Every send asks <see cref="ConsentPolicy"/>, which reads
/// <see cref="GetSnapshotAsync"/> at send time; every opt-in and opt-out, however it arrives, goes through
/// <see cref="RecordAsync"/>, and <see cref="ConsentRegister"/> decides the current state from them.
/// </summary>
public interface IConsentLedger
{
    Task<ConsentState> GetAsync(string phone, ConsentScope scope, CancellationToken cancellationToken = default);

    /// <summary>Both scopes at once (one read where the store allows it).</summary>
    async Task<ConsentSnapshot> GetSnapshotAsync(string phone, CancellationToken cancellationToken = default)
    {
        var marketing = GetAsync(phone, ConsentScope.Marketing, cancellationToken);
        var utility = GetAsync(phone, ConsentScope.Utility, cancellationToken);
        return new ConsentSnapshot(await marketing, await utility);
    }

    /// <summary>Appends to the history and updates the current state. Idempotent for the same change, and the order changes arrive in does not matter.</summary>
    Task RecordAsync(string phone, ConsentChange change, CancellationToken cancellationToken = default);
}
