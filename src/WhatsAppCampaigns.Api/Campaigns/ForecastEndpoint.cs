using Microsoft.AspNetCore.Http;
using WhatsAppCampaigns.Api.Problems;
using WhatsAppCampaigns.Core.Campaigns;

namespace WhatsAppCampaigns.Api.Campaigns;

/// <summary><c>POST /api/campaigns/forecast</c>: the same body as a launch; counts and timing without sending anything.</summary>
public sealed class ForecastEndpoint(LaunchPolicy policy, CampaignForecaster forecaster, TimeProvider clock)
{
    public const string Route = "campaigns/forecast";

    public async Task<IResult> PostAsync(HttpRequest request, CancellationToken ct)
    {
        var (body, problem) = await RequestBody.ReadAsync<CampaignRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var (draft, errors) = CampaignRequestReader.Read(body!);
        if (draft is null)
        {
            return CampaignProblems.Invalid(errors);
        }

        var (category, violations, _) = await policy.CheckAsync(draft.Kind, draft.Variants, draft.Audience, draft.Parameters.Count, ct);
        if (category is not { } known)
        {
            return CampaignProblems.PolicyViolations(violations.Select(v => new { code = v.Code, message = v.Message }));
        }

        var campaign = new CampaignDefinition("forecast", draft.Name, draft.Kind, known, draft.Variants, draft.Audience,
            draft.Parameters, draft.StartAt, draft.Policy, draft.PhoneNumberIds, clock.GetUtcNow());
        var forecast = await forecaster.ForecastAsync(campaign, ct);
        return Results.Ok(new
        {
            audienceSize = forecast.AudienceSize,
            eligible = forecast.Eligible,
            excluded = forecast.Excluded.Values.Sum(),
            excludedByReason = forecast.Excluded,
            messagingLimit = forecast.MessagingLimit,
            messagesPerSecond = forecast.MessagesPerSecond,
            startAt = forecast.StartAt,
            lastSendAt = forecast.LastSendAt,
            launchViolations = violations.Select(v => new { code = v.Code, message = v.Message }),
        });
    }
}
