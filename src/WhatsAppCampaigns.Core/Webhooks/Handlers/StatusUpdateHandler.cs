using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Observability;

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
    ILogger<StatusUpdateHandler> logger) : IWebhookChangeHandler
{
    private const int StoppedMarketing = 131050;
    private const int Undeliverable = 131026;

    public bool Handles(string field) => field == "messages";

    public async Task HandleAsync(WebhookChangeContext change, CancellationToken cancellationToken)
    {
        var value = change.Value.Deserialize<MessagesValue>(WebhookJson.Options);
        if (value?.Statuses is not { Count: > 0 } statuses)
        {
            return;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.StatusParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(statuses, parallel, (status, ct) => new ValueTask(ApplyAsync(status, value.Metadata, change.At, ct)));
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
