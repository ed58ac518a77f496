using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.CloudApi;
using WhatsAppCampaigns.Core.Configuration;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Observability;
using WhatsAppCampaigns.Core.Sending.Policy;
using WhatsAppCampaigns.Core.Sending.Recipients;
using WhatsAppCampaigns.Core.Sending.Throughput;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Sending;

/// <summary>
/// Sends one queued message, checking every rule at the moment of sending. The order (see docs/sending.md):
/// free, cached checks that hold or drop without touching the message first (due time, halt, campaign paused);
/// then the claim, the exactly-once gate, so duplicates stop before any more reads; then checks that drop
/// (cancelled, undeliverable, consent), then checks that defer (number paused for marketing, quiet hours,
/// frequency cap); the quota slot as late as possible so refused sends never consume one; the throughput slot just
/// before the call; and consent once more right before Graph, since waits may have let an opt-out in.
/// </summary>
public sealed class SendPipeline(
    IMessageLedger ledger,
    ICampaignControl campaigns,
    IContactDirectory contacts,
    ConsentPolicy consent,
    MarketPolicy markets,
    ICloudApiClient graph,
    SenderSignals signals,
    RecipientActivityStore activities,
    RecipientReservations reservations,
    RecipientTimeZones timeZones,
    IThroughputGate throughput,
    Deferrals deferrals,
    ISendQueue queue,
    SendOutcomeRecorder recorder,
    IOptions<SenderOptions> options,
    IOptions<WhatsAppOptions> whatsApp,
    TimeProvider time,
    ILogger<SendPipeline> logger)
{
    private readonly SenderOptions _options = options.Value;

    public async Task RunAsync(SendRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (request.NotBefore is { } notBefore && notBefore > now)
        {
            await deferrals.DeferAsync(request, notBefore, "not_due", ct);
            return;
        }

        if (await signals.GetHaltAsync(ct) is not null)
        {
            await deferrals.DeferAsync(request, now + _options.HaltRecheckDelay, "sending_halted", ct);
            return;
        }

        var state = await campaigns.GetStateAsync(request.CampaignId, ct);
        var key = new MessageKey(request.CampaignId, request.Recipient);
        if (state is CampaignState.Paused)
        {
            await HoldAsync(request, key, now, ct);
            return;
        }

        if (state is CampaignState.Scheduled)
        {
            await deferrals.DeferAsync(request, now + _options.HoldDelay, "campaign_held", ct);
            return;
        }

        var token = Guid.NewGuid().ToString("N");
        var claim = await ledger.TryClaimAsync(key, token, now, _options.ClaimStaleAfter, request.Variant, ct);
        switch (claim.Outcome)
        {
            case ClaimOutcome.Finished:
                SenderLog.Duplicate(logger, request.CampaignId, PhoneMask.Mask(request.Recipient), "finished");
                return;
            case ClaimOutcome.Busy:
                // Another delivery holds it; come back once that claim would be stale, in case its sender died.
                var staleAt = (claim.Record.ClaimedAt ?? now) + _options.ClaimStaleAfter + TimeSpan.FromSeconds(1);
                await deferrals.DeferAsync(request, staleAt, "claimed_elsewhere", ct);
                return;
            case ClaimOutcome.TakenOver:
                // Graph may have the message: give the status webhook (biz_opaque_callback_data) time to say so.
                SenderLog.TakenOver(logger, request.CampaignId, PhoneMask.Mask(request.Recipient));
                await DeferClaimedAsync(request, key, token, now + _options.TakeoverGrace, "taken_over", ct);
                return;
        }

        (SendAttempt Attempt, TemplateMessage Message)? ready;
        try
        {
            ready = await PrepareClaimedAsync(request, key, token, state, ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // Graph was not called yet: the claim goes back and the queue redelivers.
            await ledger.ReleaseAsync(key, token, time.GetUtcNow(), cancellationToken: CancellationToken.None);
            throw;
        }

        if (ready is { } send)
        {
            // From here on the claim is kept whatever happens: if recording fails, the redelivery finds the claim
            // stale, takes it over and waits for the status webhook before it would send again.
            var outcome = await graph.SendTemplateAsync(send.Attempt.PhoneNumberId, send.Message, ct);
            await recorder.RecordAsync(send.Attempt, outcome, ct);
        }
    }

    /// <summary>Every check on a claimed message; null when it was skipped or deferred, else what to send.</summary>
    private async Task<(SendAttempt, TemplateMessage)?> PrepareClaimedAsync(SendRequest request, MessageKey key, string token, CampaignState? state, CancellationToken ct)
    {
        // Completed means the fan-out has enqueued everyone: what it enqueued is still to be sent. Only cancel drops.
        if (state is CampaignState.Cancelled || (state is null && !JourneyStep.IsStep(request.CampaignId)))
        {
            await recorder.SkipAsync(request, key, state is null ? "campaign_unknown" : "campaign_" + state.Value.ToString().ToLowerInvariant(), ct);
            return null;
        }

        var contact = await contacts.FindAsync(request.Recipient, ct);
        if (contact?.Undeliverable == true)
        {
            await recorder.SkipAsync(request, key, "undeliverable", ct);
            return null;
        }

        if (markets.Refusal(request.Category, request.Recipient, contact?.Country) is { } closed)
        {
            await recorder.SkipAsync(request, key, closed, ct);
            return null;
        }

        if (await ConsentRefusalAsync(request, ct) is { } noConsent)
        {
            await recorder.SkipAsync(request, key, noConsent, ct);
            return null;
        }

        var (activity, etag) = await activities.GetAsync(request.Recipient, ct);
        var phoneNumberId = PhoneNumberPool.Choose(request.Recipient, request.PhoneNumberId, activity.PhoneNumberId, whatsApp.Value.PhoneNumberIds);
        var profile = await signals.GetPhoneNumberAsync(phoneNumberId, ct);
        var now = time.GetUtcNow();
        if (request.Category == TemplateCategory.Marketing && profile.MarketingPaused)
        {
            await DeferClaimedAsync(request, key, token, now + _options.MarketingPausedDelay, "marketing_paused", ct);
            return null;
        }

        if (QuietHours.NextAllowed(now, timeZones.For(request.Recipient, contact), request.Policy.QuietHoursStart, request.Policy.QuietHoursEnd) is { } allowedAt)
        {
            await DeferClaimedAsync(request, key, token, allowedAt, "quiet_hours", ct);
            return null;
        }

        var limit = (await signals.GetLimitAsync(ct)).UniqueRecipientsPer24h;
        var (reservation, retryAt, reason) = await reservations.ReserveAsync(request, activity, etag, phoneNumberId, limit, ct);
        if (reservation is null)
        {
            await DeferClaimedAsync(request, key, token, retryAt!.Value, reason!, ct);
            return null;
        }

        var attempt = new SendAttempt(request, key, token, phoneNumberId, reservation);
        var rate = profile.MessagesPerSecond > 0 ? profile.MessagesPerSecond : _options.DefaultMessagesPerSecond;
        var permit = await throughput.AcquireAsync(phoneNumberId, rate, ct);
        if (!permit.Granted)
        {
            await recorder.UndoAsync(attempt, ct);
            await DeferClaimedAsync(request, key, token, permit.RetryAt!.Value, "throughput", ct);
            return null;
        }

        if (await ConsentRefusalAsync(request, ct) is { } revoked)
        {
            await recorder.UndoAsync(attempt, ct);
            await recorder.SkipAsync(request, key, revoked, ct);
            return null;
        }

        return (attempt, new TemplateMessage(request.Recipient, request.TemplateName, request.Language, request.Components, key.ToCallbackData()));
    }

    private Task<string?> ConsentRefusalAsync(SendRequest request, CancellationToken ct) =>
        consent.RefusalAsync(request.Recipient, request.Category, request.Kind, ct);

    /// <summary>
    /// Holds a paused campaign's message where a resume can find it and wake it at once (a finished message is a
    /// duplicate and just goes). Then looks at the state once more, past the cache: a resume whose release ran before the
    /// hold was recorded is seen here, and the copy is woken now. Either the release finds the hold, or this finds the resume.
    /// </summary>
    private async Task HoldAsync(SendRequest request, MessageKey key, DateTimeOffset now, CancellationToken ct)
    {
        var copy = await deferrals.HoldAsync(request, now + _options.HoldDelay, ct);
        if (await ledger.HoldAsync(key, copy, now + _options.HoldDelay, request.Variant, ct) == HoldOutcome.Held
            && await campaigns.GetCurrentStateAsync(request.CampaignId, ct) is not CampaignState.Paused)
        {
            await queue.MakeVisibleAsync(copy, ct);
        }
    }

    /// <summary>Gives the claim back, recording why the message waits (the campaign view's pending work), and defers it.</summary>
    private async Task DeferClaimedAsync(SendRequest request, MessageKey key, string token, DateTimeOffset notBefore, string reason, CancellationToken ct)
    {
        await ledger.ReleaseAsync(key, token, time.GetUtcNow(), new Waiting(reason, notBefore), ct);
        await deferrals.DeferAsync(request, notBefore, reason, ct);
    }
}
