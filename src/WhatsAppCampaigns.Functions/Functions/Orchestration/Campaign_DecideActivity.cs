using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;
using WhatsAppCampaigns.Core.Campaigns.Testing;

namespace WhatsAppCampaigns.Functions.Functions.Orchestration;

public sealed class Campaign_DecideActivity(VariantTestDecider decider)
{
    [Function(CampaignTaskNames.DecideActivity)]
    public Task<TestDecision> Run([ActivityTrigger] string campaignId, CancellationToken cancellationToken) =>
        decider.DecideAsync(campaignId, cancellationToken);
}
