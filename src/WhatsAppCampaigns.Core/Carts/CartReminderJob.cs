using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Conversations;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Carts;

/// <summary>What one timer run did. It reads <see cref="DueRead"/> index rows and one cart per due row, nothing else in bulk.</summary>
public sealed record CartReminderRun(int DueRead, int Enqueued, int Stopped, int Stale)
{
    public int CartsRead => Enqueued + Stopped + Stale;
}

/// <summary>
/// The timer's work: hand every due reminder to the send pipeline, where consent, frequency cap, quiet hours and the
/// messaging limit apply as for campaigns. Safe to run twice at once or to crash half-way: a reminder is enqueued
/// before its cart advances (ETag), and its message key (the <see cref="Messages.JourneyStep"/> <c>cart:{id}:{sequence}:{step}</c>) makes the senders send it
/// at most once however often it is enqueued; a reminder whose cart never advanced is simply enqueued again.
/// </summary>
public sealed partial class CartReminderJob(
    CartStore store,
    CartStats stats,
    ISendQueue sends,
    ConsentPolicy consent,
    ICustomerServiceWindows conversations,
    IOptions<CartReminderOptions> options,
    TimeProvider time,
    ILogger<CartReminderJob> logger) : IScheduledJob
{
    private const int Parallelism = 16;

    public async Task RunAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    public async Task<CartReminderRun> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await store.ReadDueAsync(now, options.Value.MaxRemindersPerRun, ct);
        var results = new Handled[due.Count];
        await Parallel.ForAsync(0, due.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (i, token) =>
            results[i] = await HandleAsync(due[i], now, token));

        var run = new CartReminderRun(due.Count, results.Count(r => r == Handled.Enqueued), results.Count(r => r == Handled.Stopped), results.Count(r => r == Handled.Stale));
        LogRun(logger, run.DueRead, run.Enqueued, run.Stopped, run.Stale);
        return run;
    }

    private enum Handled
    {
        Enqueued,
        Stopped,
        Stale,
    }

    private async Task<Handled> HandleAsync(DueEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        var steps = options.Value.Steps;
        var (cart, etag) = await store.GetAsync(entry.CartId, ct);
        if (cart is not { Status: CartStatus.Open } || cart.NextDueAt != entry.DueAt || cart.NextStep >= steps.Count)
        {
            // Left behind by an update, a purchase or a racing run: the cart itself says what is due.
            await store.UnscheduleAsync(entry, ct);
            return Handled.Stale;
        }

        var step = steps[cart.NextStep];
        if (await StopReasonAsync(cart, step, ct) is { } reason)
        {
            if (await store.TrySaveAsync(cart with { Status = CartStatus.Stopped, StopReason = reason, NextDueAt = null }, etag, ct))
            {
                await store.UnscheduleAsync(entry, ct);
            }

            return Handled.Stopped;
        }

        await sends.EnqueueAsync(CartReminderMessages.Create(cart, cart.NextStep, step, options.Value.DefaultLanguage), cancellationToken: ct);

        var nextStep = cart.NextStep + 1;
        var nextDue = nextStep < steps.Count ? cart.UpdatedAt + steps[nextStep].Delay : (DateTimeOffset?)null;
        if (await store.TrySaveAsync(cart with { NextStep = nextStep, NextDueAt = nextDue }, etag, ct))
        {
            if (nextDue is { } next)
            {
                await store.ScheduleAsync(cart.CartId, next, ct);
            }

            await stats.RemindedAsync(cart.NextStep, step.Template, now, ct);
            await store.UnscheduleAsync(entry, ct);
        }

        return Handled.Enqueued;
    }

    /// <summary>The customer never agreed or said no (consent), or came back by themselves (a reply after the cart's last update).</summary>
    private async Task<string?> StopReasonAsync(CartState cart, CartReminderStep step, CancellationToken ct)
    {
        if (await consent.RefusalAsync(cart.Phone, step.Category, CampaignKind.Standard, ct) is { } refused)
        {
            return refused;
        }

        return await conversations.LastInboundAsync(cart.Phone, ct) is { } replied && replied > cart.UpdatedAt ? "replied" : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cart reminders: {Due} due, {Enqueued} enqueued, {Stopped} stopped, {Stale} stale")]
    private static partial void LogRun(ILogger logger, int due, int enqueued, int stopped, int stale);
}
