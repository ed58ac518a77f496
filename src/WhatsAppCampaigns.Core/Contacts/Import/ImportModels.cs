namespace WhatsAppCampaigns.Core.Contacts.Import;

/// <summary>One row that was not imported; <paramref name="Row"/> counts from 1 (CSV: the first data line after the header).</summary>
public sealed record ImportRowError(int Row, string? Phone, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>A row read from an import body, or the reason it could not be read.</summary>
public sealed record ImportRow(int Row, ContactInput? Input, ImportRowError? Error);

public sealed record ImportReport(int Received, int Imported, int Failed, IReadOnlyList<ImportRowError> Errors);
