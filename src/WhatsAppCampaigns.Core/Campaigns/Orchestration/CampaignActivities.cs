using Microsoft.DurableTask;
using WhatsAppCampaigns.Core.Campaigns.Testing;

namespace WhatsAppCampaigns.Core.Campaigns.Orchestration;

/// <summary>Fans out one page (see <see cref="CampaignFanOut"/>).</summary>
public sealed class FanOutPageActivity(CampaignFanOut fanOut) : TaskActivity<FanOutPageRequest, FanOutPageResult>
{
    public override Task<FanOutPageResult> RunAsync(TaskActivityContext context, FanOutPageRequest input) => fanOut.RunPageAsync(input);
}

/// <summary>Marks the campaign running once its start time has come.</summary>
public sealed class StartCampaignActivity(CampaignCommands commands) : TaskActivity<string, CampaignState>
{
    public override Task<CampaignState> RunAsync(TaskActivityContext context, string input) => commands.StartAsync(input, CancellationToken.None);
}

/// <summary>Records the totals and the end of the fan-out (the campaign completes once its messages are all done).</summary>
public sealed class FinishCampaignActivity(CampaignCommands commands) : TaskActivity<FanOutFinishRequest, CampaignState>
{
    public override Task<CampaignState> RunAsync(TaskActivityContext context, FanOutFinishRequest input) => commands.FinishFanOutAsync(input, CancellationToken.None);
}

/// <summary>The campaign row's state (a paused orchestration's check for a lost signal).</summary>
public sealed class CampaignStateActivity(ICampaignStore campaigns) : TaskActivity<string, CampaignState>
{
    public override async Task<CampaignState> RunAsync(TaskActivityContext context, string input) =>
        (await campaigns.GetAsync(input))?.State ?? CampaignState.Cancelled;
}

/// <summary>Decides a variant test from the sample's results (see <see cref="VariantTestDecider"/>).</summary>
public sealed class DecideVariantTestActivity(VariantTestDecider decider) : TaskActivity<string, TestDecision>
{
    public override Task<TestDecision> RunAsync(TaskActivityContext context, string input) => decider.DecideAsync(input);
}
