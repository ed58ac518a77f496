using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Functions.Functions.Queue;

/// <summary>A campaign's state changed: tell its orchestration, wake held messages, or complete it.</summary>
public sealed class Campaigns_Control(CampaignSignalProcessor processor)
{
    [Function(nameof(Campaigns_Control))]
    public Task Run(
        [QueueTrigger(StorageNames.ControlQueueName)] QueueMessage message,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        processor.ProcessAsync(new QueueDelivery(message.MessageId, message.Body.ToString(), message.DequeueCount, message.InsertedOn), durable, cancellationToken);
}
