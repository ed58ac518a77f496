using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;

namespace WhatsAppCampaigns.Functions.Functions.Orchestration;

public sealed class Campaign_StartActivity(CampaignCommands commands)
{
    [Function(CampaignTaskNames.StartActivity)]
    public Task<CampaignState> Run([ActivityTrigger] string campaignId, CancellationToken cancellationToken) =>
        commands.StartAsync(campaignId, cancellationToken);
}
