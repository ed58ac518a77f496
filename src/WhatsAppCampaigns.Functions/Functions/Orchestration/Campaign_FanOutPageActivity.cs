using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;

namespace WhatsAppCampaigns.Functions.Functions.Orchestration;

public sealed class Campaign_FanOutPageActivity(CampaignFanOut fanOut)
{
    [Function(CampaignTaskNames.FanOutPageActivity)]
    public Task<FanOutPageResult> Run([ActivityTrigger] FanOutPageRequest request, CancellationToken cancellationToken) =>
        fanOut.RunPageAsync(request, cancellationToken);
}
