using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using WhatsAppCampaigns.Api.Problems;
using WhatsAppCampaigns.Core.CloudApi;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Api.Templates;

/// <summary><c>PUT/GET /api/templates/{name}/{language}</c> and <c>POST /api/templates/sync</c> (reads the account's templates from Graph).</summary>
public sealed partial class TemplatesEndpoint(ITemplateRegistry registry, TemplateSync sync, TimeProvider clock)
{
    public const string ItemRoute = "templates/{name}/{language}";
    public const string SyncRoute = "templates/sync";

    private static readonly string[] Statuses = ["APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED", "FLAGGED", "IN_APPEAL", "ARCHIVED", "DELETED", "LOCKED", "LIMIT_EXCEEDED"];

    public async Task<IResult> PutAsync(string name, string language, HttpRequest request, CancellationToken ct)
    {
        var (body, problem) = await RequestBody.ReadAsync<TemplateRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        if (!TemplateNames.IsValidName(name))
        {
            errors["name"] = ["Lowercase letters, digits and _ (at most 512)."];
        }

        if (!TemplateNames.IsValidLanguage(language))
        {
            errors["language"] = ["A language code like en or en_US."];
        }

        if (!TemplateBody.TryParseCategory(body!.Category, out var category))
        {
            errors["category"] = ["MARKETING, UTILITY or AUTHENTICATION."];
        }

        var status = body.Status?.Trim().ToUpperInvariant();
        if (status is null || !Statuses.Contains(status))
        {
            errors["status"] = [$"One of {string.Join(", ", Statuses)}."];
        }

        var components = body.Components ?? [];
        var componentsJson = JsonSerializer.Serialize(components);
        if (components.Count > TemplateNames.MaxComponents || !TableLimits.FitsProperty(componentsJson))
        {
            errors["components"] = [$"At most {TemplateNames.MaxComponents} components, {TableLimits.MaxPropertyChars} characters in all."];
        }

        var bodyText = TemplateBody.FindBodyText(components);
        if (bodyText is { Length: > TemplateNames.MaxBodyChars })
        {
            errors["components"] = [$"The BODY text is at most {TemplateNames.MaxBodyChars} characters, as Meta allows."];
        }

        var parameterCount = body.ParameterCount ?? TemplateBody.CountParameters(bodyText);
        if (parameterCount < 0 || (body.ParameterCount is not null && bodyText is not null && body.ParameterCount != TemplateBody.CountParameters(bodyText)))
        {
            errors["parameterCount"] = ["Must match the placeholders in the BODY component."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var record = new TemplateRecord(name, language, category, status!, body.Quality?.ToUpperInvariant() ?? "UNKNOWN", parameterCount, bodyText,
            clock.GetUtcNow(), componentsJson);
        await registry.UpsertAsync(record, ct);
        return Results.Ok(View(record));
    }

    public async Task<IResult> GetAsync(string name, string language, CancellationToken ct) =>
        await registry.FindAsync(name, language, ct) is { } record ? Results.Ok(View(record)) : ApiProblems.NotFound("template_not_found", $"Template {name} ({language}) is not registered.");

    public async Task<IResult> SyncAsync(CancellationToken ct)
    {
        try
        {
            var result = await sync.RunAsync(ct);
            return Results.Ok(new { synced = result.Synced, skippedUnknownCategory = result.SkippedUnknownCategory });
        }
        catch (CloudApiException ex)
        {
            return CampaignProblems.Upstream("graph_error", $"Graph refused the template list ({ex.Error.Code}).");
        }
    }

    private static object View(TemplateRecord t) => new
    {
        name = t.Name,
        language = t.Language,
        category = t.Category.ToString().ToUpperInvariant(),
        status = t.Status,
        quality = t.Quality,
        parameterCount = t.ParameterCount,
        sendable = t.IsSendable,
        updatedAt = t.UpdatedAt,
    };

}
