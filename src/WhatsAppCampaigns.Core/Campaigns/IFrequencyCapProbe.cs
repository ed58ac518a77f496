using WhatsAppCampaigns.Core.Sending;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>
/// Whether a recipient has already had as many marketing messages as the campaign's cap allows in its window.
/// The senders own the per-recipient counts (<c>RecipientFrequencyCapProbe</c> reads them).
/// </summary>
public interface IFrequencyCapProbe
{
    Task<bool> IsCappedAsync(string phone, SendPolicy policy, DateTimeOffset now, CancellationToken cancellationToken = default);
}
