using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WhatsAppCampaigns.Core.Storage;

/// <summary>Creates the tables, queues and containers at start-up, so the first message does not pay for it.</summary>
public sealed partial class StorageInitializer(StorageClients storage, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var tables = storage.Names.AllTables(storage.TableNames);
        await Task.WhenAll(tables.Select(t => storage.Tables.CreateTableIfNotExistsAsync(t, cancellationToken)));
        await Task.WhenAll(storage.Names.AllQueues.Select(q => storage.Queues.GetQueueClient(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        await Task.WhenAll(storage.Names.AllContainers.Select(c => storage.Blobs.GetBlobContainerClient(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        LogReady(logger, tables.Count, storage.Names.AllQueues.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: {Tables} tables, {Queues} queues")]
    private static partial void LogReady(ILogger logger, int tables, int queues);
}
