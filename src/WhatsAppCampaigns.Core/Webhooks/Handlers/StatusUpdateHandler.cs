using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Observability;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Webhooks.Handlers;

/// <summary>
/// <c>statuses[]</c>: each status advances its message in the <see cref="IMessageLedger"/>, which alone guarantees
/// forward-only states and exactly-once counting. Statuses without our callback data were not sent by a campaign.
/// </summary>
internal sealed partial class StatusUpdateHandler(
    IMessageLedger ledger,
    IContactDirectory contacts,
    OptOutAttributor optOuts,
    IOptions<WebhookOptions> options,
    WebhookProcessingStats stats,
    ILogger<StatusUpdateHandler> logger) : IWebhookChangeHandler
{
    private const int StoppedMarketing = 131050;
    private const int Undeliverable = 131026;

    /// <summary>Meta's wamids are under 100 characters; far more room than that, far less than a Table property.</summary>
    private const int MaxWamIdChars = 1_024;

    public bool Handles(string field) => field == "messages";

    public async Task HandleAsync(WebhookChangeContext change, CancellationToken cancellationToken)
    {
        var statuses = WebhookJson.Items<StatusItem>(change.Value, MessagesValue.Statuses, change.Field, stats);
        if (statuses.Count == 0)
        {
            return;
        }

        var metadata = WebhookJson.Object<WebhookMetadata>(change.Value, MessagesValue.Metadata, change.Field, stats);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.StatusParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(statuses, parallel, (status, ct) =>
            new ValueTask(stats.GuardAsync(change.Field, "status", () => ApplyAsync(status, metadata, change.At, ct), ct)));
    }

    private async Task ApplyAsync(StatusItem status, WebhookMetadata? metadata, DateTimeOffset fallbackAt, CancellationToken ct)
    {
        MessageState? state = status.Status switch
        {
            "sent" => MessageState.Sent,
            "delivered" => MessageState.Delivered,
            "read" or "played" => MessageState.Read,
            "failed" => MessageState.Failed,
            _ => null,
        };
        if (state is null)
        {
            LogUnknownStatus(logger, status.Status ?? "(none)");
            return;
        }

        if (!MessageKey.TryParseCallbackData(status.BizOpaqueCallbackData, out var key))
        {
            LogNotOurs(logger, status.Status!, PhoneMask.Mask(status.RecipientId));
            return;
        }

        // Our callback data names a campaign and an E.164 number, both usable as keys; anything else was not sent by us.
        // Strings stored on the message must fit a property.
        if (!TableLimits.IsValidKey(key.CampaignId, StableHash.ShardSuffixChars) || !PhoneNumberNormalizer.IsE164(key.Recipient))
        {
            stats.Drop("messages", "status_callback_data_invalid");
            return;
        }

        if (!TableLimits.FitsProperty(status.Id, MaxWamIdChars) || !TableLimits.FitsProperty(status.Pricing?.Category, MaxWamIdChars)
            || !TableLimits.FitsProperty(metadata?.PhoneNumberId, MaxWamIdChars))
        {
            stats.Drop("messages", "status_field_too_long");
            return;
        }

        var at = WebhookJson.FromUnix(status.Timestamp) ?? fallbackAt;
        var code = state == MessageState.Failed ? status.Errors?.FirstOrDefault()?.Code : null;
        var transition = new MessageTransition(
            state.Value, at, WamId: status.Id, PhoneNumberId: metadata?.PhoneNumberId,
            ErrorCode: code, Reason: code is null ? null : $"graph_{code}", PricingCategory: status.Pricing?.Category);
        await ledger.AdvanceAsync(key, transition, ct);

        if (code == StoppedMarketing)
        {
            var stop = new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedOut, ConsentSources.Graph131050, at, "Graph 131050: the person stopped marketing messages", Clock: ConsentClock.WhatsApp);

            // 131050 reveals a stop made earlier (WhatsApp's own control), not caused by this message: it never reached
            // the person and already counts as failed_131050 here. The stop is charged, like any other, to the message
            // last delivered before this failure within the window (once, even if its user_preferences webhook comes too).
            await optOuts.RecordAsync(key.Recipient, stop, ct);
        }
        else if (code == Undeliverable)
        {
            await contacts.MarkUndeliverableAsync(key.Recipient, "graph_131026", at, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped a status of unknown kind '{Status}'")]
    private static partial void LogUnknownStatus(ILogger logger, string status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped a '{Status}' status for {Recipient}: no campaign callback data (not sent by a campaign)")]
    private static partial void LogNotOurs(ILogger logger, string status, string recipient);
}
