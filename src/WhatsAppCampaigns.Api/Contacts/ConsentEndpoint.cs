using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Consent;

namespace WhatsAppCampaigns.Api.Contacts;

/// <summary>
/// <c>POST /api/contacts/{phone}/consent</c>: records an opt-in or opt-out from the business's own systems
/// (checkout checkbox, support agent, …) with what the person saw. Answers the scope's current state.
/// </summary>
public sealed partial class ConsentEndpoint(IConsentLedger ledger, IOptions<ConsentOptions> options, TimeProvider time)
{
    public const string Route = "contacts/{phone}/consent";

    public async Task<IResult> PostAsync(string phone, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!ContactsEndpoint.TryNormalize(phone, out var e164))
        {
            return ApiProblems.InvalidPhone();
        }

        var (body, problem) = await ApiJson.ReadBodyAsync<ConsentBody>(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var now = time.GetUtcNow();
        var errors = Validate(body, now, options.Value);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        // Without a time of its own, the change is dated by the product's clock, and ordered as such.
        var change = new ConsentChange(body.Scope!.Value, body.Status!.Value, body.Source!, body.At ?? now, body.Evidence, body.EvidenceUrl, body.RecordedBy,
            body.At is null ? ConsentClock.Product : ConsentClock.Caller);
        await ledger.RecordAsync(e164, change, cancellationToken);
        return Results.Json(await ledger.GetAsync(e164, change.Scope, cancellationToken), ApiJson.Options);
    }

    private static Dictionary<string, string[]> Validate(ConsentBody body, DateTimeOffset now, ConsentOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Scope is null)
        {
            errors["scope"] = ["is required: marketing or utility"];
        }

        if (body.Status is null)
        {
            errors["status"] = ["is required: opted_in or opted_out"];
        }

        if (body.Source is null || !SourcePattern().IsMatch(body.Source))
        {
            errors["source"] = ["is required: a snake_case word such as checkout_checkbox or support_agent"];
        }

        if (body.Evidence is { Length: > 2_000 })
        {
            errors["evidence"] = ["at most 2,000 characters"];
        }

        if (body.EvidenceUrl is not null && !(Uri.TryCreate(body.EvidenceUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            errors["evidenceUrl"] = ["must be an absolute http(s) URL"];
        }

        if (body.RecordedBy is { Length: > 200 })
        {
            errors["recordedBy"] = ["at most 200 characters"];
        }

        if (body.At is { } at && ConsentTimes.Problem(at, now, options) is { } problem)
        {
            errors["at"] = [problem];
        }

        return errors;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex SourcePattern();

    /// <param name="At">When the person gave or withdrew consent; now when omitted (e.g. back-filling a checkout's time).</param>
    private sealed record ConsentBody(
        ConsentScope? Scope,
        ConsentStatus? Status,
        string? Source,
        string? Evidence,
        string? EvidenceUrl,
        string? RecordedBy,
        DateTimeOffset? At);
}
