using Microsoft.AspNetCore.Http;

namespace WhatsAppCampaigns.Api;

/// <summary>Errors as RFC 9457 problem details with a machine-readable <c>code</c> and, for bad fields, <c>errors</c>.</summary>
public static class ApiProblems
{
    public static IResult Problem(int status, string code, string title, IReadOnlyDictionary<string, string[]>? errors = null) =>
        Results.Json(
            new ProblemBody("about:blank", title, status, code, errors),
            ApiJson.Options,
            contentType: "application/problem+json",
            statusCode: status);

    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors) =>
        Problem(StatusCodes.Status400BadRequest, "validation_failed", "One or more fields are invalid.", errors);

    public static IResult InvalidPhone() =>
        Validation(new Dictionary<string, string[]> { ["phone"] = ["must be a valid mobile number in E.164, e.g. +5215512345678"] });

    public static IResult UnsupportedMediaType(string expected) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", $"The body must be {expected}.");

    public static IResult InvalidBody(string reason) =>
        Problem(StatusCodes.Status400BadRequest, "invalid_body", $"The body could not be read: {reason}");

    private sealed record ProblemBody(string Type, string Title, int Status, string Code, IReadOnlyDictionary<string, string[]>? Errors);
}
