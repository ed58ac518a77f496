namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>The start and finish activities' work: moving the campaign row as the orchestration starts and ends.</summary>
public sealed class CampaignLifecycle(ICampaignStore campaigns, TimeProvider clock)
{
    /// <summary>The scheduled start has come: Scheduled becomes Running (a paused or cancelled campaign stays so).</summary>
    public async Task<CampaignState> StartAsync(string campaignId, CancellationToken ct = default)
    {
        var record = await campaigns.UpdateAsync(campaignId, r => r.State switch
        {
            CampaignState.Cancelled => r,
            CampaignState.Scheduled => r with { State = CampaignState.Running, Started = true, UpdatedAt = clock.GetUtcNow() },
            _ => r with { Started = true },
        }, ct);
        return record?.State ?? throw new InvalidOperationException($"Campaign {campaignId} does not exist.");
    }

    /// <summary>Records the totals; after a complete fan-out a running campaign becomes Completed (a paused one stays paused).</summary>
    public async Task<CampaignState> FinishAsync(FanOutFinishRequest request, CancellationToken ct = default)
    {
        var record = await campaigns.UpdateAsync(request.CampaignId, r => request.Cancelled
            ? r with { Totals = request.Totals }
            : r with
            {
                Totals = request.Totals,
                FanOutComplete = true,
                State = r.State == CampaignState.Running ? CampaignState.Completed : r.State,
                UpdatedAt = clock.GetUtcNow(),
            }, ct);
        return record?.State ?? throw new InvalidOperationException($"Campaign {request.CampaignId} does not exist.");
    }
}
