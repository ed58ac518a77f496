using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace WhatsAppCampaigns.Core.Campaigns.Orchestration;

public static class CampaignTaskRegistration
{
    /// <summary>Registers the campaign orchestrator and its activities by name, for Durable Task workers (local runner, tests).</summary>
    public static DurableTaskRegistry AddCampaignTasks(this DurableTaskRegistry registry)
    {
        registry.AddOrchestrator(CampaignTaskNames.Orchestrator, () => new CampaignOrchestrator());
        registry.AddActivity(CampaignTaskNames.FanOutPageActivity, sp => new FanOutPageActivity(sp.GetRequiredService<CampaignFanOut>()));
        registry.AddActivity(CampaignTaskNames.StartActivity, sp => new StartCampaignActivity(sp.GetRequiredService<CampaignCommands>()));
        registry.AddActivity(CampaignTaskNames.FinishActivity, sp => new FinishCampaignActivity(sp.GetRequiredService<CampaignCommands>()));
        registry.AddActivity(CampaignTaskNames.StateActivity, sp => new CampaignStateActivity(sp.GetRequiredService<ICampaignStore>()));
        registry.AddActivity(CampaignTaskNames.DecideActivity, sp => new DecideVariantTestActivity(sp.GetRequiredService<Testing.VariantTestDecider>()));
        return registry;
    }
}
