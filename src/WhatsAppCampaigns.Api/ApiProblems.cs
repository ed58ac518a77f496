using Microsoft.AspNetCore.Http;

namespace WhatsAppCampaigns.Api;

/// <summary>
/// Every 4xx the API returns: RFC 9457 problem details with a machine-readable <c>code</c>,
/// and for validation failures the problems keyed by field.
/// </summary>
public static class ApiProblems
{
    /// <param name="code">A more specific code than <c>validation_failed</c> when one field's error matters most (e.g. <c>audience_required</c>).</param>
    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors, string code = "validation_failed") =>
        Problem(StatusCodes.Status400BadRequest, code, "The request has invalid fields.", errors);

    public static IResult BadRequest(string code, string detail) => Problem(StatusCodes.Status400BadRequest, code, detail);

    public static IResult NotFound(string code, string detail) => Problem(StatusCodes.Status404NotFound, code, detail);

    public static IResult Conflict(string code, string detail) => Problem(StatusCodes.Status409Conflict, code, detail);

    public static IResult InvalidPhone() =>
        Validation(new Dictionary<string, string[]> { ["phone"] = ["must be a valid mobile number in E.164, e.g. +525512345678"] });

    public static IResult UnsupportedMediaType(string expected) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", $"The body must be {expected}.");

    public static IResult InvalidBody(string reason) =>
        Problem(StatusCodes.Status400BadRequest, "invalid_body", $"The body could not be read: {reason}");

    public static IResult Problem(int status, string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        Results.Json(
            new ProblemBody($"https://httpstatuses.io/{status}", ReasonPhrase(status), status, code, detail, errors),
            statusCode: status,
            contentType: "application/problem+json");

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private sealed record ProblemBody(string Type, string Title, int Status, string Code, string Detail, IReadOnlyDictionary<string, string[]>? Errors);
}
