using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.CloudApi;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Sending;

/// <summary>
/// One message to one recipient, as queued for the senders (queue <c>wa-sends</c>, JSON).
/// Self-contained, so a sender needs no campaign look-up beyond its state.
/// </summary>
/// <param name="CampaignId">The campaign, or a journey step's id (<see cref="Messages.JourneyStep"/>, e.g. <c>cart:{cartId}:{sequence}:{step}</c>): together with <paramref name="Recipient"/> the unit of exactly-once.</param>
/// <param name="Recipient">E.164.</param>
/// <param name="PhoneNumberId">Null: the sender picks from the pool, stably per recipient.</param>
/// <param name="NotBefore">Earliest send time (scheduled start, quiet-hours deferral).</param>
/// <param name="Kind">With <paramref name="Category"/>, what <see cref="Consent.ConsentPolicy"/> decides from (a consent notice has its own rule).</param>
public sealed record SendRequest(
    string CampaignId,
    string Recipient,
    string TemplateName,
    string Language,
    TemplateCategory Category,
    IReadOnlyList<TemplateComponent> Components,
    SendPolicy Policy,
    string? PhoneNumberId = null,
    string? Variant = null,
    DateTimeOffset? NotBefore = null,
    int Attempt = 0,
    CampaignKind Kind = CampaignKind.Standard);

/// <summary>Per-campaign rules the sender enforces at send time.</summary>
/// <param name="QuietHoursStart">Local time of day from which nothing is sent (e.g. 21:00); null = no quiet hours.</param>
/// <param name="QuietHoursEnd">Local time of day when sending may resume (e.g. 08:00).</param>
/// <param name="FrequencyCapWindow">At most <paramref name="FrequencyCapMessages"/> marketing messages per recipient in this window.</param>
public sealed record SendPolicy(
    TimeOnly? QuietHoursStart = null,
    TimeOnly? QuietHoursEnd = null,
    int FrequencyCapMessages = 1,
    TimeSpan? FrequencyCapWindow = null)
{
    public static readonly SendPolicy Default = new(new TimeOnly(21, 0), new TimeOnly(8, 0), 1, TimeSpan.FromHours(24));
}
