using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Webhooks;

namespace WhatsAppCampaigns.Functions.Functions.Queue;

public sealed class Webhooks_Process(WebhookQueueProcessor processor)
{
    [Function(nameof(Webhooks_Process))]
    public Task Run([QueueTrigger(StorageNames.WebhooksQueueName)] QueueMessage message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(new QueueDelivery(message.MessageId, message.Body.ToString(), message.DequeueCount, message.InsertedOn), cancellationToken);
}
