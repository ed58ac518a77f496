using Microsoft.DurableTask.Client;

namespace WhatsAppCampaigns.Core.Campaigns.Orchestration;

/// <summary>What a campaign's orchestration instance, as the Durable client reports it, can still do.</summary>
public static class CampaignInstance
{
    /// <summary>Started or about to, and not finished: it will receive a control event (a suspended one once resumed).</summary>
    public static bool IsAlive(OrchestrationMetadata? instance) =>
        instance is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended };
}
