using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;

namespace WhatsAppCampaigns.Functions.Functions.Orchestration;

public sealed class Campaign_FinishActivity(CampaignLifecycle lifecycle)
{
    [Function(CampaignTaskNames.FinishActivity)]
    public Task<CampaignState> Run([ActivityTrigger] FanOutFinishRequest request, CancellationToken cancellationToken) =>
        lifecycle.FinishAsync(request, cancellationToken);
}
