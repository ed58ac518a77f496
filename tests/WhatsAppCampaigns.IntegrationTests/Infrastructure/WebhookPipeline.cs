using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Templates;
using WhatsAppCampaigns.Core.Webhooks;

namespace WhatsAppCampaigns.IntegrationTests.Infrastructure;

/// <summary>
/// The webhook path without HTTP: receive (signature, persist to Azurite) and then drain <c>wa-webhooks</c>
/// through the real processor, as the queue trigger would.
/// </summary>
public sealed class WebhookPipeline : IAsyncDisposable
{
    private WebhookPipeline(CoreServices core) => Core = core;

    public CoreServices Core { get; }

    public RecordingTemplateSignals Templates => Core.Get<RecordingTemplateSignals>();

    public QueueClient Queue => Core.Get<StorageClients>().Queue(StorageNames.WebhooksQueueName);

    public QueueClient ConsentQueue => Core.Get<StorageClients>().Queue(StorageNames.ConsentWebhooksQueueName);

    public static async Task<WebhookPipeline> StartAsync(IDictionary<string, string?>? settings = null) =>
        new(await CoreServices.StartAsync(
            services =>
            {
                services.AddSingleton<RecordingTemplateSignals>();
                services.AddSingleton<ITemplateRegistry>(sp => sp.GetRequiredService<RecordingTemplateSignals>());
                services.AddSingleton<ICampaignControl>(sp => sp.GetRequiredService<RecordingTemplateSignals>());
            },
            settings));

    /// <summary>The webhook path of a core started elsewhere (which keeps owning it: dispose the core, not this).</summary>
    public static WebhookPipeline Over(CoreServices core) => new(core);

    public async Task<WebhookReceipt> ReceiveAsync(byte[] body, string? signature = null) =>
        await Core.Get<WebhookReceiver>().AcceptAsync(body, signature ?? WebhookPayloads.Sign(body), CancellationToken.None);

    /// <summary>Processes every queued webhook of both lanes; returns how many.</summary>
    public async Task<int> DrainAsync() => await DrainAsync(ConsentQueue) + await DrainAsync(Queue);

    private async Task<int> DrainAsync(QueueClient queue)
    {
        var processor = Core.Get<WebhookQueueProcessor>();
        var count = 0;
        while (true)
        {
            // Hidden long enough for a loaded machine; a message another drain took meanwhile is its to delete.
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            if (batch.Length == 0)
            {
                return count;
            }

            foreach (var message in batch)
            {
                await processor.ProcessAsync(new QueueDelivery(message.MessageId, message.Body.ToString(), message.DequeueCount, message.InsertedOn), CancellationToken.None);
                try
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
                catch (Azure.RequestFailedException ex) when (ex.Status == 404)
                {
                }

                count++;
            }
        }
    }

    public async Task ReceiveAndProcessAsync(System.Text.Json.Nodes.JsonNode payload)
    {
        Assert.Equal(WebhookReceipt.Accepted, await ReceiveAsync(WebhookPayloads.Bytes(payload)));
        Assert.Equal(1, await DrainAsync());
    }

    public ValueTask DisposeAsync() => Core.DisposeAsync();
}
