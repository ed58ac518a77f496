using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Configuration;

namespace WhatsAppCampaigns.Core.Storage;

/// <summary>One set of storage service clients for the process: connection string locally, managed identity in Azure.</summary>
public sealed class StorageClients
{
    public StorageClients(IOptions<StorageOptions> options, StorageNames names, TableRegistry tables, StoragePipelinePolicies? policies = null)
    {
        var settings = options.Value;
        Names = names;
        TableNames = tables;
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var tableOptions = new TableClientOptions();
        foreach (var policy in policies?.Tables ?? [])
        {
            tableOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        foreach (var policy in policies?.Queues ?? [])
        {
            queueOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            Tables = new TableServiceClient(settings.ConnectionString, tableOptions);
            Queues = new QueueServiceClient(settings.ConnectionString, queueOptions);
            Blobs = new BlobServiceClient(settings.ConnectionString);
        }
        else
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(settings.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(settings.ManagedIdentityClientId));
            Tables = new TableServiceClient(settings.TableServiceUri!, credential, tableOptions);
            Queues = new QueueServiceClient(settings.QueueServiceUri!, credential, queueOptions);
            Blobs = new BlobServiceClient(settings.BlobServiceUri!, credential);
        }
    }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }

    public StorageNames Names { get; }

    public TableRegistry TableNames { get; }

    public TableClient Table(string unprefixedName) => Tables.GetTableClient(Names.Table(unprefixedName));

    public QueueClient Queue(string unprefixedName) => Queues.GetQueueClient(Names.Queue(unprefixedName));
}
