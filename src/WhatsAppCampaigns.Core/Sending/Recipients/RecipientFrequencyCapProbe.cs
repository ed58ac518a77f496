using WhatsAppCampaigns.Core.Campaigns;

namespace WhatsAppCampaigns.Core.Sending.Recipients;

/// <summary>
/// Lets forecasts and the fan-out see the senders' own per-recipient marketing counts, with the senders' own rule,
/// so a forecast's "frequency cap" exclusions are the ones the senders would then apply.
/// </summary>
public sealed class RecipientFrequencyCapProbe(RecipientActivityStore activity) : IFrequencyCapProbe
{
    public async Task<bool> IsCappedAsync(string phone, SendPolicy policy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var (recent, _) = await activity.GetAsync(phone, cancellationToken);
        var probe = new SendRequest("forecast", phone, "", "", Templates.TemplateCategory.Marketing, [], policy);
        return RecipientReservations.FrequencyCapEnds(probe, recent, now) is { } ends && ends > now;
    }
}
