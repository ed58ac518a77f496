using System.Collections.Concurrent;
using WhatsAppCampaigns.Core.Campaigns;

namespace WhatsAppCampaigns.IntegrationTests.Sending.TestDoubles;

public sealed class InMemoryCampaignControl : ICampaignControl
{
    private readonly ConcurrentDictionary<string, CampaignState> _states = new();

    public ConcurrentQueue<(string CampaignId, string Reason)> Pauses { get; } = new();

    public void Set(string campaignId, CampaignState state) => _states[campaignId] = state;

    public Task<CampaignState?> GetStateAsync(string campaignId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_states.TryGetValue(campaignId, out var state) ? state : (CampaignState?)null);

    public Task<CampaignState?> GetCurrentStateAsync(string campaignId, CancellationToken cancellationToken = default) =>
        GetStateAsync(campaignId, cancellationToken);

    public Task PauseAsync(string campaignId, string reason, CancellationToken cancellationToken = default)
    {
        _states[campaignId] = CampaignState.Paused;
        Pauses.Enqueue((campaignId, reason));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> PauseUsingTemplateAsync(string templateName, string language, string reason, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
