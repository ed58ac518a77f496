using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;

namespace WhatsAppCampaigns.Functions.Functions.Orchestration;

public sealed class Campaign_FinishActivity(CampaignCommands commands)
{
    [Function(CampaignTaskNames.FinishActivity)]
    public Task<CampaignState> Run([ActivityTrigger] FanOutFinishRequest request, CancellationToken cancellationToken) =>
        commands.FinishFanOutAsync(request, cancellationToken);
}
