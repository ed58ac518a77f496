using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>
/// <see cref="ICampaignControl"/> over the campaign rows. Senders ask for the state per message, so it is cached for
/// <see cref="CampaignOptions.StateCacheDuration"/> (2 s by default): a pause or cancel reaches every sender within that.
/// The fan-out checks the row itself before each page, so a pause from here also stops enqueueing.
/// </summary>
public sealed class CampaignControl(ICampaignStore store, TimeProvider clock, IOptions<CampaignOptions> options) : ICampaignControl
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

    public async Task PauseAsync(string campaignId, string reason, CancellationToken cancellationToken = default)
    {
        await store.UpdateAsync(campaignId, r => CampaignStateMachine.Apply(r, CampaignCommand.Pause, reason, clock.GetUtcNow()), cancellationToken);
        Forget(campaignId);
    }

    public async Task<IReadOnlyList<string>> PauseUsingTemplateAsync(string templateName, string language, string reason, CancellationToken cancellationToken = default)
    {
        var paused = new List<string>();
        foreach (var id in await store.FindByTemplateAsync(templateName, language, cancellationToken))
        {
            var record = await store.GetAsync(id, cancellationToken);
            if (record?.State is CampaignState.Scheduled or CampaignState.Running or CampaignState.Completed)
            {
                await PauseAsync(id, reason, cancellationToken);
                paused.Add(id);
            }
        }

        return paused;
    }

    /// <summary>Drops this process's cached state after a local change, so it acts at once here.</summary>
    public void Forget(string campaignId) => _cache.TryRemove(campaignId, out _);
}
