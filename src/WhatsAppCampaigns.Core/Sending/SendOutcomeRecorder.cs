using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Account;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.CloudApi;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Observability;
using WhatsAppCampaigns.Core.Sending.DeadLetters;
using WhatsAppCampaigns.Core.Sending.Recipients;
using WhatsAppCampaigns.Core.Sending.Throughput;

namespace WhatsAppCampaigns.Core.Sending;

/// <summary>
/// Records what became of a claimed message, and acts on Graph's refusals by class: transient → back off, then
/// dead-letter; rate limits → defer by the suggested wait (131049: at least 24 h); 131050 → marketing opt-out;
/// 131026 → undeliverable; template errors → pause the campaign; auth/account → halt all sending.
/// A refusal means Graph did not send, so the recipient's quota and frequency slots are given back — except when
/// the outcome is unknown (timeout): then the claim is kept and the status webhook decides.
/// </summary>
public sealed class SendOutcomeRecorder(
    IMessageLedger ledger,
    RecipientReservations reservations,
    Deferrals deferrals,
    IContactDirectory contacts,
    ICampaignControl campaigns,
    SenderSignals signals,
    IThroughputGate throughput,
    DeadLetterStore deadLetters,
    CampaignGuardrails guardrails,
    OptOutAttributor optOuts,
    IOptions<SenderOptions> options,
    TimeProvider time,
    ILogger<SendOutcomeRecorder> logger)
{
    private readonly SenderOptions _options = options.Value;

    public async Task SkipAsync(SendRequest request, MessageKey key, string reason, CancellationToken ct)
    {
        await ledger.AdvanceAsync(key, new MessageTransition(MessageState.Skipped, time.GetUtcNow(), Reason: reason, Variant: request.Variant), ct);
        SenderLog.Skipped(logger, request.CampaignId, PhoneMask.Mask(request.Recipient), reason);
    }

    public async Task UndoAsync(SendAttempt attempt, CancellationToken ct)
    {
        if (attempt.Reservation is { } reservation && !await reservations.UndoAsync(reservation, ct))
        {
            SenderLog.UndoConflict(logger, PhoneMask.Mask(attempt.Request.Recipient));
        }
    }

    public async Task RecordAsync(SendAttempt attempt, SendOutcome outcome, CancellationToken ct)
    {
        var (request, key) = (attempt.Request, attempt.Key);
        var now = time.GetUtcNow();
        if (outcome is SendOutcome.Accepted accepted)
        {
            await ledger.AdvanceAsync(key, new MessageTransition(MessageState.Accepted, now, accepted.MessageId, attempt.PhoneNumberId, Variant: request.Variant), ct);
            SenderLog.Sent(logger, request.CampaignId, PhoneMask.Mask(request.Recipient), attempt.PhoneNumberId, accepted.MessageId);
            await guardrails.ObserveAsync(request.CampaignId, ct);
            return;
        }

        var error = ((SendOutcome.Refused)outcome).Error;
        if (error.OutcomeUnknown)
        {
            // Graph may have sent it: keep claim and slots; after the claim goes stale the takeover path waits for the webhook.
            await deferrals.DeferAsync(request, now + _options.ClaimStaleAfter + TimeSpan.FromSeconds(1), "outcome_unknown", ct);
            return;
        }

        await UndoAsync(attempt, ct);
        switch (error.Class)
        {
            case ErrorClass.RateLimited:
                if (error.Code == 130429)
                {
                    throughput.ReportRateLimited(attempt.PhoneNumberId);
                }

                var wait = error.Code == 131049 ? Max(error.RetryAfter, GraphErrorClassifier.PerUserMarketingBackoff) : error.RetryAfter ?? TimeSpan.FromSeconds(1);
                await DeferAsync(attempt, now + wait, "graph_" + error.Code, ct);
                break;
            case ErrorClass.Transient when request.Attempt + 1 >= _options.MaxFailedDeliveries:
                await DeadLetterAsync(attempt, "transient_exhausted", error, ct);
                break;
            case ErrorClass.Transient:
                var backoff = TimeSpan.FromTicks(Math.Min(_options.MaxTransientBackoff.Ticks, _options.TransientBackoff.Ticks << Math.Min(request.Attempt, 20)));
                var retryAt = now + Max(error.RetryAfter, backoff);
                await ledger.ReleaseAsync(key, attempt.ClaimToken, now, new Waiting("graph_" + error.Code, retryAt), ct);
                await deferrals.DeferAsync(request, retryAt, "graph_" + error.Code, ct, countsAsFailure: true);
                break;
            case ErrorClass.RecipientPermanent:
                await RecipientRefusedAsync(attempt, error, now, ct);
                break;
            case ErrorClass.TemplatePermanent:
                await campaigns.PauseAsync(request.CampaignId, $"template_error_{error.Code}", ct);
                SenderLog.CampaignPaused(logger, request.CampaignId, $"template_error_{error.Code}");
                await DeferAsync(attempt, now + _options.HoldDelay, "graph_" + error.Code, ct);
                break;
            case ErrorClass.AuthOrAccount:
                await signals.HaltAsync(new SendingHalt(error.Code, error.Message, now), ct);
                SenderLog.Halted(logger, error.Code, error.Message);
                await DeferAsync(attempt, now + _options.HaltRecheckDelay, "graph_" + error.Code, ct);
                break;
            default:
                await DeadLetterAsync(attempt, "invalid_request", error, ct);
                break;
        }
    }

    private async Task RecipientRefusedAsync(SendAttempt attempt, GraphError error, DateTimeOffset now, CancellationToken ct)
    {
        var recipient = attempt.Request.Recipient;
        if (error.Code == 131050)
        {
            // As for the 131050 status webhook: charged to the message last delivered, never to this one (not sent).
            await optOuts.RecordAsync(recipient, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedOut, ConsentSources.Graph131050, now, error.Message, Clock: ConsentClock.Product), ct);
        }
        else if (error.Code == 131026)
        {
            await contacts.MarkUndeliverableAsync(recipient, error.Message, now, ct);
        }

        await ledger.AdvanceAsync(attempt.Key, new MessageTransition(MessageState.Failed, now, PhoneNumberId: attempt.PhoneNumberId, ErrorCode: error.Code, Reason: "graph_" + error.Code, Variant: attempt.Request.Variant), ct);
        await guardrails.ObserveAsync(attempt.Request.CampaignId, ct);
    }

    private async Task DeferAsync(SendAttempt attempt, DateTimeOffset notBefore, string reason, CancellationToken ct)
    {
        await ledger.ReleaseAsync(attempt.Key, attempt.ClaimToken, time.GetUtcNow(), new Waiting(reason, notBefore), ct);
        await deferrals.DeferAsync(attempt.Request, notBefore, reason, ct);
    }

    private async Task DeadLetterAsync(SendAttempt attempt, string reason, GraphError error, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(attempt.Request, SendRequestJson.Options);
        await deadLetters.AddAsync(attempt.Request.CampaignId, reason, error.Code, error.Message, attempt.Request.Attempt + 1, body, ct);
        // Released, not failed: a replay must be able to claim it again. Until then it waits for a person.
        var now = time.GetUtcNow();
        await ledger.ReleaseAsync(attempt.Key, attempt.ClaimToken, now, new Waiting(PendingReasons.DeadLetter, now), ct);
        SenderLog.DeadLettered(logger, attempt.Request.CampaignId, attempt.Request.Attempt + 1, reason);
    }

    private static TimeSpan Max(TimeSpan? a, TimeSpan b) => a is { } value && value > b ? value : b;
}
