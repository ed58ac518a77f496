using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;
using WhatsAppCampaigns.Core.Campaigns.Testing;
using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.Core.Campaigns;

public enum CommandOutcome
{
    Applied,

    /// <summary>Allowed but nothing to do (a pause of a paused campaign).</summary>
    Unchanged,

    /// <summary>The state machine refuses it (a cancelled or completed campaign).</summary>
    NotAllowed,

    NotFound,

    /// <summary>
    /// The campaign is still driven by its orchestration (fanning out, waiting for its start or its test's decision)
    /// and that orchestration is gone: nothing would act on the command, so nothing was changed.
    /// </summary>
    OrchestrationMissing,
}

public sealed record CommandResult(CommandOutcome Outcome, CampaignRecord? Record);

/// <summary>
/// The one place a campaign's state changes. Every change — pause, resume and cancel from the API, guardrail and
/// template-status pauses, the start, the end of the fan-out, a variant test's decision and the end of sending — is
/// written through <see cref="CampaignStateMachine"/>, then made visible: this process's senders see it at once (others
/// within the state cache's seconds), and a <see cref="CampaignSignal"/> tells the orchestration and wakes the messages
/// the senders hold for a paused campaign.
/// </summary>
public sealed partial class CampaignCommands(
    ICampaignStore store,
    CampaignStateCache view,
    CampaignSignalQueue signals,
    IMessageLedger ledger,
    TimeProvider clock,
    ILogger<CampaignCommands> logger) : ICampaignControl
{
    public Task<CampaignState?> GetStateAsync(string campaignId, CancellationToken cancellationToken = default) =>
        view.GetStateAsync(campaignId, cancellationToken);

    public async Task<CampaignState?> GetCurrentStateAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        view.Forget(campaignId);
        return await view.GetStateAsync(campaignId, cancellationToken);
    }

    async Task ICampaignControl.PauseAsync(string campaignId, string reason, CancellationToken cancellationToken) =>
        await ExecuteAsync(campaignId, CampaignCommand.Pause, reason, cancellationToken);

    /// <summary>
    /// Pause, resume or cancel asked for by a person (the API). Refused with <see cref="CommandOutcome.OrchestrationMissing"/>
    /// when the orchestration that would have to act on it is gone, rather than stored and never obeyed.
    /// </summary>
    public async Task<CommandResult> RequestAsync(string campaignId, CampaignCommand command, DurableTaskClient durable, CancellationToken ct)
    {
        var record = await store.GetAsync(campaignId, ct);
        if (record is null)
        {
            return new CommandResult(CommandOutcome.NotFound, null);
        }

        // A cancelled campaign needs nothing from its orchestration: the state machine answers for it.
        if (!record.FanOutComplete && record.State != CampaignState.Cancelled && !CampaignInstance.IsAlive(await durable.GetInstanceAsync(campaignId, ct)))
        {
            LogOrchestrationMissing(logger, campaignId, command.ToString(), record.State.ToString());
            return new CommandResult(CommandOutcome.OrchestrationMissing, record);
        }

        return await ExecuteAsync(campaignId, command, $"api_{command.ToString().ToLowerInvariant()}", ct);
    }

    /// <summary>Pause, resume or cancel (and the state changes of the orchestration's own steps).</summary>
    public async Task<CommandResult> ExecuteAsync(string campaignId, CampaignCommand command, string? reason, CancellationToken ct)
    {
        var allowed = true;
        CampaignRecord? before = null;
        var after = await store.UpdateAsync(campaignId, r =>
        {
            before = r;
            var next = CampaignStateMachine.Apply(r, command, reason, clock.GetUtcNow());
            allowed = next is not null;
            return next;
        }, ct);
        if (after is null)
        {
            return new CommandResult(allowed ? CommandOutcome.NotFound : CommandOutcome.NotAllowed, before);
        }

        if (after == before)
        {
            return new CommandResult(CommandOutcome.Unchanged, after);
        }

        view.Forget(campaignId);
        LogChanged(logger, campaignId, command.ToString(), after.State.ToString(), reason ?? "-");
        await AnnounceAsync(campaignId, command, after, ct);
        return new CommandResult(CommandOutcome.Applied, after);
    }

    public async Task<IReadOnlyList<string>> PauseUsingTemplateAsync(string templateName, string language, string reason, CancellationToken cancellationToken = default)
    {
        var paused = new List<string>();
        foreach (var id in await store.FindByTemplateAsync(templateName, language, cancellationToken))
        {
            if ((await ExecuteAsync(id, CampaignCommand.Pause, reason, cancellationToken)).Outcome == CommandOutcome.Applied)
            {
                paused.Add(id);
            }
        }

        return paused;
    }

    /// <summary>The scheduled start has come: Scheduled becomes Running (a paused or cancelled campaign stays so).</summary>
    public async Task<CampaignState> StartAsync(string campaignId, CancellationToken ct) =>
        (await ExecuteAsync(campaignId, CampaignCommand.Start, null, ct)).Record?.State
        ?? throw new InvalidOperationException($"Campaign {campaignId} does not exist.");

    /// <summary>
    /// Records the fan-out's totals and, unless it was cancelled, its end and how many messages each ledger shard must
    /// see done; the campaign completes at once if they all are.
    /// </summary>
    public async Task<CampaignState> FinishFanOutAsync(FanOutFinishRequest request, CancellationToken ct)
    {
        var id = request.CampaignId;
        var withTotals = await store.UpdateAsync(id, r => r with { Totals = request.Totals }, ct)
            ?? throw new InvalidOperationException($"Campaign {id} does not exist.");
        if (request.Cancelled)
        {
            return withTotals.State;
        }

        await ExecuteAsync(id, CampaignCommand.FinishFanOut, null, ct);
        if (request.Totals.EnqueuedByShard is { } byShard)
        {
            await ledger.SetTargetsAsync(id, byShard, ct);
        }

        return await CompleteIfDoneAsync(id, ct) ?? withTotals.State;
    }

    /// <summary>Running, fanned out, and every enqueued message has an outcome: the campaign is completed. Null for an unknown campaign.</summary>
    public async Task<CampaignState?> CompleteIfDoneAsync(string campaignId, CancellationToken ct)
    {
        var record = await store.GetAsync(campaignId, ct);
        if (record is not { State: CampaignState.Running, FanOutComplete: true })
        {
            return record?.State;
        }

        var funnel = await ledger.GetFunnelAsync(campaignId, ct);
        if (funnel.Target != record.Totals.Enqueued || funnel.Done < funnel.Target)
        {
            return record.State;
        }

        return (await ExecuteAsync(campaignId, CampaignCommand.CompleteSending, null, ct)).Record!.State;
    }

    /// <summary>
    /// Stores a variant test's decision, once: a decision made already (picked by hand, or decided before a retry) is
    /// kept and returned. When no variant is left, the campaign pauses. A decision picked by hand ends the test's window.
    /// </summary>
    public async Task<(TestDecision Decision, bool Stored)> RecordDecisionAsync(string campaignId, TestDecision decision, CancellationToken ct)
    {
        var stored = await store.UpdateAsync(campaignId, r => r.Decision is not null ? r : r with { Decision = decision }, ct)
            ?? throw new InvalidOperationException($"Campaign {campaignId} does not exist.");
        var ours = stored.Decision == decision;
        if (ours && decision.Winner is null)
        {
            await ExecuteAsync(campaignId, CampaignCommand.Pause, VariantTestDecider.AllDroppedReason, ct);
        }
        else if (ours && decision.Outcome == TestOutcomes.PickedManually)
        {
            await signals.SendAsync(campaignId, CampaignSignalKinds.Winner, ct);
        }

        return (stored.Decision!, ours);
    }

    private async Task AnnounceAsync(string campaignId, CampaignCommand command, CampaignRecord after, CancellationToken ct)
    {
        switch (command)
        {
            case CampaignCommand.Pause:
                await signals.SendAsync(campaignId, CampaignSignalKinds.Pause, ct);
                break;
            case CampaignCommand.Resume:
                await signals.SendAsync(campaignId, CampaignSignalKinds.Resume, ct);
                await CompleteIfDoneAsync(campaignId, ct);
                break;
            case CampaignCommand.Cancel:
                await signals.SendAsync(campaignId, CampaignSignalKinds.Cancel, ct);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: {Command} refused, the campaign is {State} and its orchestration is gone")]
    private static partial void LogOrchestrationMissing(ILogger logger, string campaignId, string command, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: {Command} → {State} ({Reason})")]
    private static partial void LogChanged(ILogger logger, string campaignId, string command, string state, string reason);
}
