using Microsoft.DurableTask.Client;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Hosting;

namespace WhatsAppCampaigns.LocalRunner.Hosting;

/// <summary>The local runner's <c>Campaigns_Control</c> queue trigger: the Durable client comes from DI rather than a binding.</summary>
public sealed class CampaignSignalTrigger(CampaignSignalProcessor processor, DurableTaskClient durable) : IQueueMessageProcessor
{
    public Task ProcessAsync(QueueDelivery delivery, CancellationToken cancellationToken) =>
        processor.ProcessAsync(delivery, durable, cancellationToken);
}
