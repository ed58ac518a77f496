using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Consent;

/// <summary>Why consent does not allow a message; the same words in forecasts, fan-out skips and the senders' funnel.</summary>
public static class ConsentRefusals
{
    /// <summary>Nothing recorded that allows this kind of message.</summary>
    public const string NoConsent = "no_consent";

    /// <summary>The person said no (to marketing, or to utility messages).</summary>
    public const string OptedOut = "opted_out";

    /// <summary>The number was erased; nothing goes to it until it opts in anew.</summary>
    public const string Suppressed = "suppressed";

    /// <summary>A consent notice asks people who have not decided on marketing; this person already opted in.</summary>
    public const string HasMarketingConsent = "has_marketing_consent";
}

/// <summary>
/// The one consent rule, for every message the product sends: the template's category and the campaign's kind in, allowed
/// (null) or a <see cref="ConsentRefusals"/> reason out. The forecast, the fan-out, the launch check, both of the senders'
/// checks and the reminder journeys all ask it.
/// <list type="bullet">
/// <item>An erased number gets nothing.</item>
/// <item>Marketing needs a marketing opt-in.</item>
/// <item>Utility (and authentication) needs a utility opt-in, or a marketing opt-in — agreeing to offers from the business
/// includes hearing about one's orders and appointments — unless utility messages were refused.</item>
/// <item>A consent notice (a utility message telling people marketing may follow) needs a utility opt-in and goes only to
/// people who have made no marketing decision.</item>
/// </list>
/// </summary>
public sealed class ConsentPolicy(IConsentLedger ledger)
{
    public async Task<string?> RefusalAsync(string phone, TemplateCategory category, CampaignKind kind, CancellationToken ct)
    {
        // Marketing depends on the marketing scope alone: one state read (and the suppression), as on every send.
        var snapshot = category == TemplateCategory.Marketing && kind == CampaignKind.Standard
            ? new ConsentSnapshot(await ledger.GetAsync(phone, ConsentScope.Marketing, ct), NotRead)
            : await ledger.GetSnapshotAsync(phone, ct);
        return Decide(category, kind, snapshot);
    }

    private static readonly ConsentState NotRead = new(ConsentScope.Utility, null, null, null);

    public static string? Decide(TemplateCategory category, CampaignKind kind, ConsentSnapshot consent)
    {
        if (consent.Suppressed)
        {
            return ConsentRefusals.Suppressed;
        }

        var (marketing, utility) = (consent.Marketing.Status, consent.Utility.Status);
        if (kind == CampaignKind.ConsentNotice)
        {
            return utility != ConsentStatus.OptedIn ? Refusal(utility)
                : marketing == ConsentStatus.OptedOut ? ConsentRefusals.OptedOut
                : marketing == ConsentStatus.OptedIn ? ConsentRefusals.HasMarketingConsent
                : null;
        }

        if (category == TemplateCategory.Marketing)
        {
            return marketing == ConsentStatus.OptedIn ? null : Refusal(marketing);
        }

        return utility == ConsentStatus.OptedIn ? null
            : utility == ConsentStatus.OptedOut ? ConsentRefusals.OptedOut
            : marketing == ConsentStatus.OptedIn ? null
            : ConsentRefusals.NoConsent;
    }

    private static string Refusal(ConsentStatus? status) => status == ConsentStatus.OptedOut ? ConsentRefusals.OptedOut : ConsentRefusals.NoConsent;
}
