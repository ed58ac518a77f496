namespace WhatsAppCampaigns.Core.Contacts;

/// <summary>
/// A store outside contacts and consent that keeps records under a person's number. Each feature registers its own,
/// so that export and erasure (<see cref="ContactRecords"/>) reach it without knowing the feature.
/// </summary>
public interface IPersonalDataStore
{
    /// <summary>The record's name in an export (camelCase).</summary>
    string Name { get; }

    /// <returns>What is held about <paramref name="phone"/>, as it should appear in an export; null when nothing is.</returns>
    Task<object?> ExportAsync(string phone, CancellationToken cancellationToken = default);

    /// <summary>Deletes what is held about <paramref name="phone"/>; deleting nothing is not an error.</summary>
    Task EraseAsync(string phone, CancellationToken cancellationToken = default);
}
