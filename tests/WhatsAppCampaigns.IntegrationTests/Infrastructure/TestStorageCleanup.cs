using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.IntegrationTests.Infrastructure;

/// <summary>
/// Deletes what a test's name prefix created (its tables, queues and containers) when the test ends: an emulator that
/// keeps every test's tables slows down as a run goes on, and the suite must stay quick on a busy machine.
/// </summary>
public static class TestStorageCleanup
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
            // Best effort: a leftover costs the emulator a little, never a test's result.
        }
    }

    /// <summary>The runner's Durable task hub (its queues, tables and lease containers), named after the same prefix.</summary>
    public static async Task DeleteTaskHubAsync(IServiceProvider runner)
    {
        try
        {
            await LocalRunner.Hosting.Durable.DurableTaskBackendExtensions.DeleteTaskHubAsync(runner);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or InvalidOperationException)
        {
            // Best effort, as above.
        }
    }
}
