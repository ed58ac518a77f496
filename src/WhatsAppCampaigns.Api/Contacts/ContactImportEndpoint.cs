using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using WhatsAppCampaigns.Core.Contacts.Import;

namespace WhatsAppCampaigns.Api.Contacts;

/// <summary>
/// <c>POST /api/contacts/import</c>: a JSON array or a CSV (<c>text/csv</c>) of up to 10,000 contacts. Good rows are
/// written; bad rows are reported one by one with their errors. Import carries no consent: record it separately.
/// </summary>
public sealed class ContactImportEndpoint(ContactImporter importer)
{
    public const string Route = "contacts/import";

    public async Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<ImportRow> rows;
        try
        {
            if (ApiJson.IsJson(request))
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                rows = ContactJsonReader.Read(document.RootElement, ContactImporter.MaxRows);
            }
            else if (request.ContentType is { } type && type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
            {
                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                rows = ContactCsvReader.Read(new StringReader(await reader.ReadToEndAsync(cancellationToken)), ContactImporter.MaxRows);
            }
            else
            {
                return ApiProblems.UnsupportedMediaType("application/json (an array of contacts) or text/csv");
            }
        }
        catch (InvalidDataException ex)
        {
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "too_many_rows", ex.Message);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or CsvHelper.CsvHelperException)
        {
            return ApiProblems.InvalidBody(ex.Message);
        }

        var report = await importer.ImportAsync(rows, cancellationToken);
        return Results.Json(report, ApiJson.Options);
    }
}
