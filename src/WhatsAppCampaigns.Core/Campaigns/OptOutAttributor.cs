using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Observability;
using WhatsAppCampaigns.Core.Sending;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>
/// Last-touch attribution of a marketing opt-out the person made on WhatsApp (a "STOP" reply, an opt-out button,
/// WhatsApp's own Stop control, or Graph's 131050 that reveals one): it counts as <c>opted_out_after</c> for the message
/// last delivered to them within <see cref="CampaignOptions.OptOutAttributionWindow"/>, once per (campaign, recipient),
/// which is what a variant test's opt-out guardrail reads. Call it after the opt-out is recorded in consent; it is
/// idempotent, so a redelivered webhook or a second way of saying stop counts nothing more.
/// </summary>
/// <remarks>
/// Only campaigns are charged. When the last touch was a cart reminder (a <see cref="JourneyStep"/>), the reminder is the likelier
/// cause and no campaign is counted: charging an older campaign instead would inflate its rate, and reminders have no
/// opt-out guardrail.
/// </remarks>
public sealed partial class OptOutAttributor(IMessageLedger ledger, IConsentLedger consent, IOptions<CampaignOptions> options, ILogger<OptOutAttributor> logger)
{
    /// <summary>
    /// Records a consent change the person made on WhatsApp (a keyword, a button, the Stop control, a 131050) and, when
    /// it is an opt-out, charges it (<see cref="AttributeAsync"/>): the one way every path records such a change.
    /// </summary>
    public async Task RecordAsync(string phone, ConsentChange change, CancellationToken ct)
    {
        await consent.RecordAsync(phone, change, ct);
        if (change.Status == ConsentStatus.OptedOut)
        {
            await AttributeAsync(phone, change.At, ct);
        }
    }

    /// <param name="at">When the person opted out (the webhook's own timestamp, so a redelivery looks at the same window).</param>
    /// <returns>The message charged with the opt-out (also when it was counted before), or null.</returns>
    public async Task<MessageKey?> AttributeAsync(string phone, DateTimeOffset at, CancellationToken ct)
    {
        var touch = await ledger.FindLastDeliveredAsync(phone, at, options.Value.OptOutAttributionWindow, ct);
        if (touch is null || JourneyStep.IsStep(touch.Key.CampaignId))
        {
            return null;
        }

        if (await ledger.RecordOptOutAfterAsync(touch.Key, at, ct))
        {
            LogAttributed(logger, touch.Key.CampaignId, PhoneMask.Mask(phone), touch.Variant ?? "-");
        }

        return touch.Key;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: opt-out of {Phone} counted against variant {Variant}")]
    private static partial void LogAttributed(ILogger logger, string campaignId, string phone, string variant);
}
