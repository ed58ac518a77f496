using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;

namespace WhatsAppCampaigns.Functions.Functions.Orchestration;

public static class Campaign_Orchestrator
{
    [Function(CampaignTaskNames.Orchestrator)]
    public static Task<CampaignRunStatus> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new CampaignOrchestrator().RunAsync(context, context.GetInput<CampaignRunInput>()!);
}
