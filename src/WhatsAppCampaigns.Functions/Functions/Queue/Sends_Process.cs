using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Functions.Functions.Queue;

/// <summary>One queued send: every rule is checked by the core at the moment of sending.</summary>
public sealed class Sends_Process(SendProcessor processor)
{
    [Function(nameof(Sends_Process))]
    public Task Run([QueueTrigger(StorageNames.SendsQueueName)] QueueMessage message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(new QueueDelivery(message.MessageId, message.Body.ToString(), message.DequeueCount, message.InsertedOn), cancellationToken);
}
