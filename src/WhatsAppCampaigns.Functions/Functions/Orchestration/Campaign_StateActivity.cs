using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;

namespace WhatsAppCampaigns.Functions.Functions.Orchestration;

public sealed class Campaign_StateActivity(ICampaignStore campaigns)
{
    [Function(CampaignTaskNames.StateActivity)]
    public async Task<CampaignState> Run([ActivityTrigger] string campaignId, CancellationToken cancellationToken) =>
        (await campaigns.GetAsync(campaignId, cancellationToken))?.State ?? CampaignState.Cancelled;
}
