using System.Text.Json;
using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Conversations;
using WhatsAppCampaigns.Core.Observability;

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
    ILogger<InboundMessageHandler> logger) : IWebhookChangeHandler
{
    public const string KeywordSource = ConsentSources.WhatsAppKeyword;
    public const string ButtonSource = ConsentSources.WhatsAppButton;
    private const int MaxEvidence = 200;

    public bool Handles(string field) => field == "messages";

    public async Task HandleAsync(WebhookChangeContext change, CancellationToken cancellationToken)
    {
        var value = change.Value.Deserialize<MessagesValue>(WebhookJson.Options);
        foreach (var message in value?.Messages ?? [])
        {
            if (!WebhookPhone.TryE164(message.From, out var phone))
            {
                LogBadSender(logger, message.Type ?? "(none)");
                continue;
            }

            var at = WebhookJson.FromUnix(message.Timestamp) ?? change.At;
            await windows.RecordInboundAsync(phone, at, cancellationToken);

            var (intent, source, evidence) = Interpret(message);
            if (intent == KeywordIntent.None)
            {
                continue;
            }

            var status = intent == KeywordIntent.OptOut ? ConsentStatus.OptedOut : ConsentStatus.OptedIn;
            var text = evidence is { Length: > MaxEvidence } ? evidence[..MaxEvidence] : evidence;
            await optOuts.RecordAsync(phone, new ConsentChange(ConsentScope.Marketing, status, source, at, text), cancellationToken);
            LogConsent(logger, PhoneMask.Mask(phone), status, source);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped an inbound '{Type}' message without a valid sender id")]
    private static partial void LogBadSender(ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded marketing {Status} for {Phone} from {Source}")]
    private static partial void LogConsent(ILogger logger, string phone, ConsentStatus status, string source);
}
