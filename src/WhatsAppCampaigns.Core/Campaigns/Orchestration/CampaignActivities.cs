using Microsoft.DurableTask;
using WhatsAppCampaigns.Core.Campaigns.Testing;

namespace WhatsAppCampaigns.Core.Campaigns.Orchestration;

/// <summary>Fans out one page (see <see cref="CampaignFanOut"/>).</summary>
public sealed class FanOutPageActivity(CampaignFanOut fanOut) : TaskActivity<FanOutPageRequest, FanOutPageResult>
{
    public override Task<FanOutPageResult> RunAsync(TaskActivityContext context, FanOutPageRequest input) => fanOut.RunPageAsync(input);
}

/// <summary>Marks the campaign running once its start time has come.</summary>
public sealed class StartCampaignActivity(CampaignLifecycle lifecycle) : TaskActivity<string, CampaignState>
{
    public override Task<CampaignState> RunAsync(TaskActivityContext context, string input) => lifecycle.StartAsync(input);
}

/// <summary>Records the totals and the end of the fan-out.</summary>
public sealed class FinishCampaignActivity(CampaignLifecycle lifecycle) : TaskActivity<FanOutFinishRequest, CampaignState>
{
    public override Task<CampaignState> RunAsync(TaskActivityContext context, FanOutFinishRequest input) => lifecycle.FinishAsync(input);
}

/// <summary>Decides a variant test from the sample's results (see <see cref="VariantTestDecider"/>).</summary>
public sealed class DecideVariantTestActivity(VariantTestDecider decider) : TaskActivity<string, TestDecision>
{
    public override Task<TestDecision> RunAsync(TaskActivityContext context, string input) => decider.DecideAsync(input);
}
