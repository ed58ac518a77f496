using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.FunctionsHost.Tests;

/// <summary>Deletes the tables, queues and containers a host's storage names cover; best effort.</summary>
public static class StorageCleanup
{
    public static async Task DeleteAllAsync(StorageClients storage)
    {
        try
        {
            await Task.WhenAll(storage.Names.AllTables(storage.TableNames).Select(t => storage.Tables.DeleteTableAsync(t)));
            await Task.WhenAll(storage.Names.AllQueues.SelectMany(q => new[] { q, q + "-poison" }).Select(q => storage.Queues.GetQueueClient(q).DeleteIfExistsAsync()));
            await Task.WhenAll(storage.Names.AllContainers.Select(c => storage.Blobs.GetBlobContainerClient(c).DeleteIfExistsAsync()));
        }
        catch (Azure.RequestFailedException)
        {
            // A leftover costs the emulator a little, never a test's result.
        }
    }
}
