using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using WhatsAppCampaigns.Api.Problems;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;
using WhatsAppCampaigns.Core.Campaigns.Testing;
using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.Api.Campaigns;

/// <summary>
/// <c>POST /api/campaigns</c> (launch, 202 + status URL), <c>GET /api/campaigns/{id}</c>, and
/// <c>POST /api/campaigns/{id}/pause|resume|cancel</c>, and <c>POST /api/campaigns/{id}/winner</c> (end a variant test early). The Durable client comes from the host (a binding in Functions).
/// </summary>
public sealed class CampaignsEndpoint(
    CampaignLauncher launcher,
    ICampaignStore campaigns,
    CampaignCommands commands,
    IMessageLedger ledger,
    VariantTestDecider decider)
{
    public const string Route = "campaigns";
    public const string ItemRoute = "campaigns/{id}";
    public const string PauseRoute = "campaigns/{id}/pause";
    public const string ResumeRoute = "campaigns/{id}/resume";
    public const string CancelRoute = "campaigns/{id}/cancel";
    public const string WinnerRoute = "campaigns/{id}/winner";

    public async Task<IResult> CreateAsync(HttpRequest request, DurableTaskClient durable, CancellationToken ct)
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

        var result = await launcher.LaunchAsync(draft, durable, ct);
        if (result.Campaign is not { } campaign)
        {
            return CampaignProblems.PolicyViolations(result.Violations.Select(v => new { code = v.Code, message = v.Message }));
        }

        var statusUrl = $"/api/{Route}/{campaign.Id}";
        var audience = new { size = result.Audience!.Count, exact = result.Audience.Exact };
        return Results.Accepted(statusUrl, new { id = campaign.Id, statusUrl, state = "scheduled", audience });
    }

    public async Task<IResult> GetAsync(string id, DurableTaskClient durable, CancellationToken ct)
    {
        var record = await campaigns.GetAsync(id, ct);
        if (record is null)
        {
            return ApiProblems.NotFound("campaign_not_found", $"Campaign {id} does not exist.");
        }

        var running = await durable.GetInstanceAsync(id, getInputsAndOutputs: true, ct);
        var status = running?.SerializedCustomStatus is { Length: > 0 } ? running.ReadCustomStatusAs<CampaignRunStatus>() : null;
        var totals = record.FanOutComplete || status is null ? record.Totals : status.Totals;
        var funnel = await ledger.GetFunnelAsync(id, ct);
        return Results.Ok(CampaignView.Create(record, totals, status?.Generation, funnel));
    }

    public Task<IResult> PauseAsync(string id, DurableTaskClient durable, CancellationToken ct) => CommandAsync(id, CampaignCommand.Pause, durable, ct);

    public Task<IResult> ResumeAsync(string id, DurableTaskClient durable, CancellationToken ct) => CommandAsync(id, CampaignCommand.Resume, durable, ct);

    public Task<IResult> CancelAsync(string id, DurableTaskClient durable, CancellationToken ct) => CommandAsync(id, CampaignCommand.Cancel, durable, ct);

    /// <summary>
    /// Body <c>{"variant":"b"}</c>: records the winner by hand (its numbers as they stand), then signals the orchestration,
    /// which ends the observation window and sends the winner to the rest once the sample is out.
    /// </summary>
    public async Task<IResult> PickWinnerAsync(string id, HttpRequest request, CancellationToken ct)
    {
        var (body, problem) = await RequestBody.ReadAsync<WinnerRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var record = await campaigns.GetAsync(id, ct);
        if (record is null)
        {
            return ApiProblems.NotFound("campaign_not_found", $"Campaign {id} does not exist.");
        }

        if (record.Definition.Test is null)
        {
            return ApiProblems.Conflict("no_variant_test", "This campaign has no variant test.");
        }

        if (record.Definition.Variants.All(v => v.Name != body!.Variant))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["variant"] = ["Must name one of the campaign's variants."] });
        }

        if (record.State == CampaignState.Cancelled)
        {
            return ApiProblems.Conflict("invalid_state", "A cancelled campaign has no winner to send.");
        }

        var decision = await decider.PickAsync(id, body!.Variant!, ct);
        if (decision is null)
        {
            return ApiProblems.Conflict("already_decided", "The variant test has been decided already.");
        }

        return Results.Ok(new { id, winner = decision.Winner, outcome = decision.Outcome, decidedAt = decision.DecidedAt });
    }

    /// <summary>
    /// Through <see cref="CampaignCommands"/>: the row changes first, so senders obey within the state cache's few seconds,
    /// also for messages already queued (a resume wakes the ones held meanwhile); the orchestration is told through the
    /// control queue. A command that nothing would act on (the orchestration is gone) is a 409, never a 200.
    /// </summary>
    private async Task<IResult> CommandAsync(string id, CampaignCommand command, DurableTaskClient durable, CancellationToken ct)
    {
        var result = await commands.RequestAsync(id, command, durable, ct);
        return result.Outcome switch
        {
            CommandOutcome.NotFound => ApiProblems.NotFound("campaign_not_found", $"Campaign {id} does not exist."),
            CommandOutcome.NotAllowed => ApiProblems.Conflict("invalid_state", $"A {result.Record!.State.ToString().ToLowerInvariant()} campaign cannot be {command.ToString().ToLowerInvariant()}d."),
            CommandOutcome.OrchestrationMissing => ApiProblems.Conflict("orchestration_missing", "The campaign's orchestration no longer exists, so nothing would act on this command; launch the campaign again."),
            _ => Results.Ok(new { id, state = result.Record!.State.ToString().ToLowerInvariant() }),
        };
    }
}

/// <summary>The body of <c>POST /api/campaigns/{id}/winner</c>.</summary>
public sealed class WinnerRequest
{
    public string? Variant { get; set; }
}
