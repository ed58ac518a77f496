using Azure.Data.Tables;

namespace WhatsAppCampaigns.Core.Journeys;

internal static class JourneyStorageBatches
{
    /// <summary>Upserts in entity-group transactions of at most 100 rows of one partition (as real Azure requires).</summary>
    public static async Task UpsertAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken ct)
    {
        var batches = entities.GroupBy(e => e.PartitionKey).SelectMany(g => g.Chunk(100));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (batch, token) =>
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token));
    }
}
