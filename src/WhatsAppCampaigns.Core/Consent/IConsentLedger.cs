namespace WhatsAppCampaigns.Core.Consent;

/// <summary>
/// The product's promise to the people it messages. Every send checks <see cref="GetAsync"/> at send time;
/// every opt-in and opt-out, however it arrives, goes through <see cref="RecordAsync"/>.
/// </summary>
public interface IConsentLedger
{
    Task<ConsentState> GetAsync(string phone, ConsentScope scope, CancellationToken cancellationToken = default);

    /// <summary>Appends to the history and updates the current state. Idempotent for the same change.</summary>
    Task RecordAsync(string phone, ConsentChange change, CancellationToken cancellationToken = default);
}
