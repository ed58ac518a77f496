using System.Text.Json;

namespace WhatsAppCampaigns.Core.Contacts.Import;

/// <summary>Reads a JSON array of contacts; a row of the wrong shape is reported on its own, not for the whole array.</summary>
public static class ContactJsonReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <exception cref="JsonException">The body is not a JSON array.</exception>
    public static IReadOnlyList<ImportRow> Read(JsonElement array, int maxRows)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("The body must be a JSON array of contacts.");
        }

        if (array.GetArrayLength() > maxRows)
        {
            throw new InvalidDataException($"At most {maxRows} rows per import.");
        }

        var rows = new List<ImportRow>();
        foreach (var element in array.EnumerateArray())
        {
            var row = rows.Count + 1;
            try
            {
                var input = element.Deserialize<ContactInput>(Options) ?? throw new JsonException("null row");
                rows.Add(new ImportRow(row, input, null));
            }
            catch (JsonException ex)
            {
                var phone = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("phone", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                rows.Add(new ImportRow(row, null, new ImportRowError(row, phone, new Dictionary<string, string[]> { ["row"] = [$"not a contact object: {ex.Message}"] })));
            }
        }

        return rows;
    }
}
