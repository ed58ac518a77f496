using Microsoft.AspNetCore.Http;

namespace WhatsAppCampaigns.Api.Problems;

/// <summary>ProblemDetails-style answers with a machine-readable <c>code</c>; a request that gets one changed nothing.</summary>
public static class ApiProblems
{
    private const string ContentType = "application/problem+json";

    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        Problem(StatusCodes.Status400BadRequest, "invalid_request", "The request is not valid.", new { errors });

    public static IResult PolicyViolations(IEnumerable<object> violations) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "policy_violation", "The campaign breaks sending policy; nothing was started.", new { violations });

    public static IResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, "not_found", $"{what} does not exist.", null);

    public static IResult Conflict(string code, string detail) =>
        Problem(StatusCodes.Status409Conflict, code, detail, null);

    public static IResult Upstream(string code, string detail) =>
        Problem(StatusCodes.Status502BadGateway, code, detail, null);

    private static IResult Problem(int status, string code, string title, object? extra)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = $"https://httpstatuses.io/{status}",
            ["title"] = title,
            ["status"] = status,
            ["code"] = code,
        };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extra);
        }

        return Results.Json(body, statusCode: status, contentType: ContentType);
    }
}
