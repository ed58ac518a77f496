using Microsoft.AspNetCore.Http;

namespace WhatsAppCampaigns.Api.Problems;

/// <summary>The campaign API's answers that <see cref="ApiProblems"/> has no shape for: a 422 listing every policy violation, and a 502.</summary>
public static class CampaignProblems
{
    public static IResult PolicyViolations(IEnumerable<object> violations) => Results.Json(
        new
        {
            type = "https://httpstatuses.io/422",
            title = "Unprocessable Content",
            status = StatusCodes.Status422UnprocessableEntity,
            code = "policy_violation",
            detail = "The campaign breaks sending policy; nothing was started.",
            violations,
        },
        statusCode: StatusCodes.Status422UnprocessableEntity,
        contentType: "application/problem+json");

    /// <summary>A launch or forecast body with field errors: <c>audience_required</c> when the audience is missing or selects nobody, else <c>validation_failed</c>.</summary>
    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        ApiProblems.Validation(errors, errors.ContainsKey(Campaigns.CampaignRequestReader.AudienceField) ? Core.Campaigns.PolicyViolation.AudienceRequired : "validation_failed");

    public static IResult Upstream(string code, string detail) => ApiProblems.Problem(StatusCodes.Status502BadGateway, code, detail);
}
