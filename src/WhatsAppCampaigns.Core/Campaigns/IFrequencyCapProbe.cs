using WhatsAppCampaigns.Core.Sending;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>
/// Whether a recipient has already had as many marketing messages as the campaign's cap allows in its window.
/// The senders own the per-recipient counts; until their store is wired, <see cref="NoFrequencyCapProbe"/> says no one is capped.
/// </summary>
public interface IFrequencyCapProbe
{
    Task<bool> IsCappedAsync(string phone, SendPolicy policy, DateTimeOffset now, CancellationToken cancellationToken = default);
}

public sealed class NoFrequencyCapProbe : IFrequencyCapProbe
{
    public Task<bool> IsCappedAsync(string phone, SendPolicy policy, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult(false);
}
