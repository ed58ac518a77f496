using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.Campaigns.Testing;

namespace WhatsAppCampaigns.Core.Campaigns.Orchestration;

/// <summary>
/// Fans a campaign out into queue messages, page by page, through activities. Waits on a durable timer for a scheduled
/// start; obeys pause, resume and cancel signals between pages; reports totals in its custom status; and starts a new
/// generation (ContinueAsNew, carrying the cursor) every <see cref="CampaignRunInput.PagesPerGeneration"/> pages or
/// signals, so its history stays bounded whatever the audience size. Deterministic: no I/O, no clock but the context's.
/// </summary>
public sealed class CampaignOrchestrator : TaskOrchestrator<CampaignRunInput, CampaignRunStatus>
{
    /// <summary>Activities are retried (their work is idempotent); five attempts over about 15 s.</summary>
    public static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(30)));

    /// <summary>How often a paused orchestration looks at the campaign row itself, in case a resume's signal was lost.</summary>
    public static readonly TimeSpan PausedRecheck = TimeSpan.FromMinutes(1);

    public override async Task<CampaignRunStatus> RunAsync(TaskOrchestrationContext context, CampaignRunInput input)
    {
        var run = input;
        var inbox = new SignalInbox(context);
        var logger = context.CreateReplaySafeLogger<CampaignOrchestrator>();

        if (!run.Started)
        {
            var beforeStart = run.StartAt is { } startAt ? await WaitUntilAsync(context, inbox, run, startAt.UtcDateTime, testWindow: false) : run;
            if (beforeStart is null)
            {
                return await FinishAsync(context, run, cancelled: true);
            }

            var state = await context.CallActivityAsync<CampaignState>(CampaignTaskNames.StartActivity, run.CampaignId, ActivityRetry);
            if (state == CampaignState.Cancelled)
            {
                return await FinishAsync(context, run, cancelled: true);
            }

            run = beforeStart with { Started = true, Paused = beforeStart.Paused || state == CampaignState.Paused };
        }

        var steps = 0;
        while (true)
        {
            if (run.Phase == FanOutPhases.Sample && run.DecideAt is { } decideAt)
            {
                var waited = run.WinnerPicked ? run : await WaitUntilAsync(context, inbox, run, decideAt, testWindow: true);
                if (waited is null)
                {
                    return await FinishAsync(context, run, cancelled: true);
                }

                var decision = await context.CallActivityAsync<TestDecision>(CampaignTaskNames.DecideActivity, run.CampaignId, ActivityRetry);
                if (decision.Winner is null)
                {
                    return await FinishAsync(context, waited, cancelled: false); // every variant dropped: the decider paused the campaign
                }

                run = waited with { Phase = FanOutPhases.Rest, Winner = decision.Winner, DecideAt = null };
                steps++;
            }
            else if (inbox.HasSignal || run.Paused)
            {
                context.SetCustomStatus(Status(run, run.Paused ? CampaignState.Paused : CampaignState.Running));
                var signal = inbox.HasSignal ? await inbox.TakeAsync() : await WaitWhilePausedAsync(context, inbox, run);
                steps++;
                if (signal == CampaignSignals.Cancel)
                {
                    return await FinishAsync(context, run, cancelled: true);
                }

                run = signal == CampaignSignals.Winner
                    ? run with { WinnerPicked = true }
                    : run with { Paused = signal == CampaignSignals.Pause || (run.Paused && signal != CampaignSignals.Resume) };
            }
            else
            {
                context.SetCustomStatus(Status(run, CampaignState.Running));
                var page = await context.CallActivityAsync<FanOutPageResult>(
                    CampaignTaskNames.FanOutPageActivity, new FanOutPageRequest(run.CampaignId, run.NextPage, run.Cursor, run.Phase, run.Winner), ActivityRetry);
                steps++;
                if (page.HaltedBy == CampaignState.Cancelled)
                {
                    return await FinishAsync(context, run, cancelled: true);
                }

                if (page.HaltedBy is not null)
                {
                    run = run with { Paused = true }; // paused through the campaign row (a guardrail): wait for a resume signal
                    continue;
                }

                run = run with { NextPage = run.NextPage + 1, Cursor = page.NextCursor, Totals = run.CurrentTotals.Add(page) };
                if (page.NextCursor is null && run.Phase == FanOutPhases.Sample)
                {
                    // The sample is out: observe it for the window, then decide (page numbers go on counting).
                    run = run with { DecideAt = context.CurrentUtcDateTime + (run.TestWindow ?? TimeSpan.Zero) };
                }
                else if (page.NextCursor is null)
                {
                    return await FinishAsync(context, run, cancelled: false);
                }
            }

            if (steps >= run.PagesPerGeneration && !inbox.HasSignal)
            {
                Log.NewGeneration(logger, run.CampaignId, run.Generation + 1, run.NextPage);
                var next = run with { Generation = run.Generation + 1 };
                context.SetCustomStatus(Status(next, next.Paused ? CampaignState.Paused : CampaignState.Running));
                context.ContinueAsNew(next, preserveUnprocessedEvents: true);
                return Status(next, CampaignState.Running);
            }
        }
    }

    /// <summary>
    /// While paused: the next control signal, or — should a signal never come (the process that changed the row died
    /// before sending it) — what the campaign row says after <see cref="PausedRecheck"/>.
    /// </summary>
    private static async Task<string> WaitWhilePausedAsync(TaskOrchestrationContext context, SignalInbox inbox, CampaignRunInput run)
    {
        using var cancelTimer = new CancellationTokenSource();
        var timer = context.CreateTimer(context.CurrentUtcDateTime + PausedRecheck, cancelTimer.Token);
        if (await Task.WhenAny(timer, inbox.Next) != timer)
        {
            cancelTimer.Cancel();
            return await inbox.TakeAsync();
        }

        var state = await context.CallActivityAsync<CampaignState>(CampaignTaskNames.StateActivity, run.CampaignId, ActivityRetry);
        return state switch
        {
            CampaignState.Cancelled => CampaignSignals.Cancel,
            CampaignState.Paused => CampaignSignals.Pause,
            _ => CampaignSignals.Resume,
        };
    }

    /// <summary>Waits for a durable timer (the scheduled start, a test's observation window), handling signals meanwhile.</summary>
    /// <returns>
    /// The input with pause toggles applied, or null if cancelled while waiting. A picked winner ends a test's window
    /// (<paramref name="testWindow"/>) but not the wait for a scheduled start (it is remembered for later).
    /// </returns>
    private static async Task<CampaignRunInput?> WaitUntilAsync(TaskOrchestrationContext context, SignalInbox inbox, CampaignRunInput run, DateTime until, bool testWindow)
    {
        if (until <= context.CurrentUtcDateTime)
        {
            return run;
        }

        context.SetCustomStatus(Status(run, testWindow ? CampaignState.Running : CampaignState.Scheduled));
        using var cancelTimer = new CancellationTokenSource();
        var timer = context.CreateTimer(until, cancelTimer.Token);
        while (true)
        {
            if (await Task.WhenAny(timer, inbox.Next) == timer)
            {
                return run;
            }

            var signal = await inbox.TakeAsync();
            if (signal == CampaignSignals.Cancel || (signal == CampaignSignals.Winner && testWindow))
            {
                cancelTimer.Cancel();
                return signal == CampaignSignals.Cancel ? null : run with { WinnerPicked = true };
            }

            run = signal == CampaignSignals.Winner
                ? run with { WinnerPicked = true }
                : run with { Paused = signal == CampaignSignals.Pause || (run.Paused && signal != CampaignSignals.Resume) };
        }
    }

    private static async Task<CampaignRunStatus> FinishAsync(TaskOrchestrationContext context, CampaignRunInput run, bool cancelled)
    {
        var state = await context.CallActivityAsync<CampaignState>(
            CampaignTaskNames.FinishActivity, new FanOutFinishRequest(run.CampaignId, run.CurrentTotals, cancelled), ActivityRetry);
        var status = Status(run, cancelled ? CampaignState.Cancelled : state);
        context.SetCustomStatus(status);
        return status;
    }

    private static CampaignRunStatus Status(CampaignRunInput run, CampaignState state) => new(state.ToString(), run.Generation, run.CurrentTotals);
}
