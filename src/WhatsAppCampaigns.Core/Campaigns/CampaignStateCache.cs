using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>
/// The senders' view of campaign states. Senders ask per message, so a state is cached for
/// <see cref="CampaignOptions.StateCacheDuration"/> (2 s by default): a change reaches every sender within that, and at
/// once in the process that made it (<see cref="CampaignCommands"/> forgets it).
/// </summary>
public sealed class CampaignStateCache(ICampaignStore store, TimeProvider clock, IOptions<CampaignOptions> options)
{
    private readonly ConcurrentDictionary<string, (CampaignState? State, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    public async Task<CampaignState?> GetStateAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(campaignId, out var cached) && cached.Expires > now)
        {
            return cached.State;
        }

        var state = (await store.GetAsync(campaignId, cancellationToken))?.State;
        _cache[campaignId] = (state, now + options.Value.StateCacheDuration);
        return state;
    }

    /// <summary>Drops this process's cached state after a change, so it acts at once here.</summary>
    public void Forget(string campaignId) => _cache.TryRemove(campaignId, out _);
}
