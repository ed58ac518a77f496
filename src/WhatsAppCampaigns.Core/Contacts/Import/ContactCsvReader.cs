using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace WhatsAppCampaigns.Core.Contacts.Import;

/// <summary>
/// Reads contacts from CSV with a header: <c>phone</c> (required), <c>country</c>, <c>time_zone</c>, <c>locale</c>,
/// <c>tags</c> (separated by ';'); every other column is an attribute for personalisation.
/// </summary>
public static class ContactCsvReader
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase) { "phone", "country", "time_zone", "timezone", "locale", "tags" };

    public static IReadOnlyList<ImportRow> Read(TextReader text, int maxRows)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, MissingFieldFound = null, BadDataFound = null };
        using var csv = new CsvReader(text, configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header || !header.Contains("phone", StringComparer.OrdinalIgnoreCase))
        {
            throw new FormatException("The CSV needs a header line with at least a 'phone' column.");
        }

        var rows = new List<ImportRow>();
        while (csv.Read())
        {
            if (rows.Count == maxRows)
            {
                throw new InvalidDataException($"At most {maxRows} rows per import.");
            }

            string? Field(params string[] names) =>
                names.Select(n => header.FirstOrDefault(h => h.Equals(n, StringComparison.OrdinalIgnoreCase))).OfType<string>()
                    .Select(h => csv.GetField(h)).FirstOrDefault(v => !string.IsNullOrEmpty(v));

            var attributes = header.Where(h => !Known.Contains(h))
                .Select(h => (Name: h, Value: csv.GetField(h)))
                .Where(a => !string.IsNullOrEmpty(a.Value))
                .ToDictionary(a => a.Name, a => a.Value!);
            var tags = Field("tags")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var input = new ContactInput(Field("phone"), Field("country"), Field("time_zone", "timezone"), Field("locale"), tags, attributes);
            rows.Add(new ImportRow(rows.Count + 1, input, null));
        }

        return rows;
    }
}
