using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Sending;

namespace WhatsAppCampaigns.Core.Journeys;

/// <summary>What one run of a journey did. It reads <see cref="DueRead"/> index rows and one subject per due row, nothing else in bulk.</summary>
public sealed record JourneyRun(string Journey, int DueRead, int Enqueued, int Stopped, int Stale)
{
    public int SubjectsRead => Enqueued + Stopped + Stale;
}

/// <summary>
/// A timer run of one journey: hand every due step to the send pipeline, where consent, frequency cap, quiet hours and the
/// messaging limit apply as for campaigns. Safe to run twice at once or to crash half-way: a step is enqueued before its
/// subject advances (ETag), and its message key (<c>{journey}:{subject}:{sequence}:{step}</c>) makes the senders send it
/// at most once however often it is enqueued; a step whose subject never advanced is simply enqueued again.
/// </summary>
public sealed partial class JourneyRunner(
    JourneyStats stats,
    ISendQueue sends,
    ConsentPolicy consent,
    TimeProvider time,
    ILogger<JourneyRunner> logger)
{
    private const int Parallelism = 16;

    public async Task<JourneyRun> RunOnceAsync<TState>(JourneyStore<TState> store, CancellationToken ct)
        where TState : class, IJourneySubject
    {
        var journey = store.Journey;
        var now = time.GetUtcNow();
        var due = await store.Due.ReadDueAsync(journey.Name, now, journey.Options.MaxRemindersPerRun, ct);
        var results = new Handled[due.Count];
        await Parallel.ForAsync(0, due.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (i, token) =>
            results[i] = await HandleAsync(store, due[i], now, token));

        var run = new JourneyRun(journey.Name, due.Count, results.Count(r => r == Handled.Enqueued), results.Count(r => r == Handled.Stopped), results.Count(r => r == Handled.Stale));
        LogRun(logger, run.Journey, run.DueRead, run.Enqueued, run.Stopped, run.Stale);
        return run;
    }

    private enum Handled
    {
        Enqueued,
        Stopped,
        Stale,
    }

    private async Task<Handled> HandleAsync<TState>(JourneyStore<TState> store, DueEntry entry, DateTimeOffset now, CancellationToken ct)
        where TState : class, IJourneySubject
    {
        var journey = store.Journey;
        var steps = journey.Steps;
        var (state, etag) = await store.GetAsync(entry.Subject, ct);
        if (state is not { IsActive: true } || state.NextDueAt != entry.DueAt || state.NextStep >= steps.Count)
        {
            // Left behind by a newer event or a racing run: the subject itself says what is due.
            await store.Due.UnscheduleAsync(entry, ct);
            return Handled.Stale;
        }

        var step = steps[state.NextStep];
        var reason = await consent.RefusalAsync(state.Phone, step.Category, CampaignKind.Standard, ct) ?? await journey.StopReasonAsync(state, now, ct);
        if (reason is not null)
        {
            if (await store.TrySaveAsync(journey.Stopped(state, reason), etag, ct))
            {
                await store.Due.UnscheduleAsync(entry, ct);
            }

            return Handled.Stopped;
        }

        await sends.EnqueueAsync(journey.Message(state, state.NextStep, step), cancellationToken: ct);

        var next = journey.NextAfter(state, state.NextStep, now);
        if (await store.TrySaveAsync(journey.WithProgress(state, next?.Step ?? steps.Count, next?.DueAt, state.Reminded + 1), etag, ct))
        {
            await stats.RemindedAsync(journey, state.NextStep, step.Template, entered: state.Reminded == 0, now, ct);
            await store.Due.UnscheduleAsync(entry, ct);
        }

        return Handled.Enqueued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Journey {Journey}: {Due} due, {Enqueued} enqueued, {Stopped} stopped, {Stale} stale")]
    private static partial void LogRun(ILogger logger, string journey, int due, int enqueued, int stopped, int stale);
}
