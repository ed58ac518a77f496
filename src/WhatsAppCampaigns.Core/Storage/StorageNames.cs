using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Configuration;

namespace WhatsAppCampaigns.Core.Storage;

/// <summary>
/// The names of every table, queue and container the core uses, with the configured prefix applied.
/// Feature areas add theirs here so that infra, start-up creation and tests share one list.
/// </summary>
public sealed class StorageNames(IOptions<StorageOptions> options)
{
    private readonly string _prefix = options.Value.NamePrefix;

    public const string SendsQueueName = "wa-sends";
    public const string WebhooksQueueName = "wa-webhooks";
    public const string ControlQueueName = "wa-control";

    /// <summary>Webhooks that carry consent (inbound messages, user preferences): their own lane, never behind statuses.</summary>
    public const string ConsentWebhooksQueueName = "wa-webhooks-consent";
    public const string WebhookPayloadsContainerName = "webhook-payloads";

    public string SendsQueue => Queue(SendsQueueName);

    public string WebhooksQueue => Queue(WebhooksQueueName);

    public string ControlQueue => Queue(ControlQueueName);

    public string ConsentWebhooksQueue => Queue(ConsentWebhooksQueueName);

    public string WebhookPayloadsContainer => Queue(WebhookPayloadsContainerName);

    /// <summary>Queue and container names: lowercase, dash-separated.</summary>
    public string Queue(string name) => _prefix.Length == 0 ? name : $"{_prefix}-{name}";

    /// <summary>Table names: letters and digits only.</summary>
    public string Table(string name) => _prefix + name;

    public IReadOnlyList<string> AllQueues => [SendsQueue, WebhooksQueue, ConsentWebhooksQueue, ControlQueue];

    public IReadOnlyList<string> AllContainers => [WebhookPayloadsContainer];

    /// <summary>Tables created at start-up; features register theirs through <see cref="TableRegistry"/>.</summary>
    public IReadOnlyList<string> AllTables(TableRegistry registry) => registry.Names.Select(Table).ToArray();
}
