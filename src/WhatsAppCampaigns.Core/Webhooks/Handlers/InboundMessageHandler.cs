using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Conversations;
using WhatsAppCampaigns.Core.Observability;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Webhooks.Handlers;

/// <summary>
/// Inbound <c>messages[]</c>: every message opens the sender's 24 h customer-service window; an opt-out (or opt-in)
/// keyword or an opt-out button records marketing consent with the words the person used as evidence, and an opt-out
/// is then attributed to the campaign message last delivered to the person (<see cref="OptOutAttributor"/>).
/// </summary>
internal sealed partial class InboundMessageHandler(
    ICustomerServiceWindows windows,
    ConsentKeywords keywords,
    OptOutAttributor optOuts,
    WebhookProcessingStats stats,
    ILogger<InboundMessageHandler> logger) : IWebhookChangeHandler
{
    public const string KeywordSource = ConsentSources.WhatsAppKeyword;
    public const string ButtonSource = ConsentSources.WhatsAppButton;

    public bool Handles(string field) => field == "messages";

    public async Task HandleAsync(WebhookChangeContext change, CancellationToken cancellationToken)
    {
        foreach (var message in WebhookJson.Items<InboundMessage>(change.Value, MessagesValue.Messages, change.Field, stats))
        {
            await stats.GuardAsync(change.Field, "message", () => HandleAsync(message, change.At, cancellationToken), cancellationToken);
        }
    }

    private async Task HandleAsync(InboundMessage message, DateTimeOffset changeAt, CancellationToken cancellationToken)
    {
        if (!WebhookPhone.TryE164(message.From, out var phone))
        {
            stats.Drop("messages", "message_sender_invalid");
            return;
        }

        var at = WebhookJson.FromUnix(message.Timestamp) ?? changeAt;
        await windows.RecordInboundAsync(phone, at, cancellationToken);

        var (intent, source, evidence) = Interpret(message);
        if (intent == KeywordIntent.None)
        {
            return;
        }

        var status = intent == KeywordIntent.OptOut ? ConsentStatus.OptedOut : ConsentStatus.OptedIn;
        var text = TableLimits.Truncate(evidence, WebhookJson.MaxEvidenceChars);
        await optOuts.RecordAsync(phone, new ConsentChange(ConsentScope.Marketing, status, source, at, text), cancellationToken);
        LogConsent(logger, PhoneMask.Mask(phone), status, source);
    }

    private (KeywordIntent Intent, string Source, string? Evidence) Interpret(InboundMessage message) => message.Type switch
    {
        "text" => (keywords.MatchText(message.Text?.Body), KeywordSource, message.Text?.Body?.Trim()),
        "button" => (Button(message.Button?.Payload, message.Button?.Text), ButtonSource, message.Button?.Text ?? message.Button?.Payload),
        "interactive" when message.Interactive?.ButtonReply is { } reply => (Button(reply.Id, reply.Title), ButtonSource, reply.Title ?? reply.Id),
        _ => (KeywordIntent.None, "", null),
    };

    /// <summary>A configured opt-out payload, or a button whose label is itself a keyword ("Stop promotions").</summary>
    private KeywordIntent Button(string? payload, string? label) =>
        keywords.IsOptOutPayload(payload) ? KeywordIntent.OptOut : keywords.MatchText(label);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded marketing {Status} for {Phone} from {Source}")]
    private static partial void LogConsent(ILogger logger, string phone, ConsentStatus status, string source);
}
