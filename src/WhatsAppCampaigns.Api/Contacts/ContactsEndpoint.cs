using Microsoft.AspNetCore.Http;
using WhatsAppCampaigns.Core.Contacts;

namespace WhatsAppCampaigns.Api.Contacts;

/// <summary>
/// <c>PUT|GET|DELETE /api/contacts/{phone}</c> and <c>GET /api/contacts/{phone}/export</c>.
/// The number in the route may be E.164 (<c>+52…</c>, or <c>%2B52…</c>) or WhatsApp's digits-only form.
/// </summary>
public sealed class ContactsEndpoint(TableContactDirectory contacts, ContactRecords records, TimeProvider time)
{
    public const string Route = "contacts/{phone}";
    public const string ExportRoute = "contacts/{phone}/export";

    public async Task<IResult> PutAsync(string phone, HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiJson.ReadBodyAsync<ContactBody>(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var validation = ContactValidator.Validate(
            new ContactInput(Uri.UnescapeDataString(phone), body.Country, body.TimeZone, body.Locale, body.Tags, body.Attributes),
            time.GetUtcNow());
        if (!validation.IsValid)
        {
            return ApiProblems.Validation(validation.Errors);
        }

        await contacts.UpsertAsync(validation.Contact!, cancellationToken);
        return Results.Json(validation.Contact, ApiJson.Options);
    }

    public async Task<IResult> GetAsync(string phone, CancellationToken cancellationToken)
    {
        if (!TryNormalize(phone, out var e164))
        {
            return ApiProblems.InvalidPhone();
        }

        var profile = await records.ReadAsync(e164, cancellationToken);
        if (profile.Contact is null && profile.History.Count == 0)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "contact_not_found", "No contact or consent is held for this number.");
        }

        var view = new ContactView(profile.Phone, profile.Contact, profile.Consent, profile.History, profile.SuppressedSince is not null);
        return Results.Json(view, ApiJson.Options);
    }

    /// <summary>GDPR erasure: 204 whether or not anything was held, since the number is suppressed either way.</summary>
    public async Task<IResult> DeleteAsync(string phone, CancellationToken cancellationToken)
    {
        if (!TryNormalize(phone, out var e164))
        {
            return ApiProblems.InvalidPhone();
        }

        await records.EraseAsync(e164, cancellationToken);
        return Results.NoContent();
    }

    public async Task<IResult> ExportAsync(string phone, CancellationToken cancellationToken)
    {
        if (!TryNormalize(phone, out var e164))
        {
            return ApiProblems.InvalidPhone();
        }

        var profile = await records.ReadAsync(e164, cancellationToken);
        return profile.IsEmpty
            ? ApiProblems.Problem(StatusCodes.Status404NotFound, "contact_not_found", "Nothing is held about this number.")
            : Results.Json(profile, ApiJson.Options);
    }

    internal static bool TryNormalize(string phone, out string e164)
    {
        var ok = PhoneNumberNormalizer.TryNormalize(Uri.UnescapeDataString(phone), null, out var normalized);
        e164 = normalized?.E164 ?? "";
        return ok;
    }

    private sealed record ContactBody(
        string? Country,
        string? TimeZone,
        string? Locale,
        IReadOnlyList<string>? Tags,
        IReadOnlyDictionary<string, string>? Attributes);

    private sealed record ContactView(
        string Phone,
        Contact? Contact,
        IReadOnlyList<Core.Consent.ConsentState> Consent,
        IReadOnlyList<Core.Consent.ConsentChange> History,
        bool Suppressed);
}
