using Azure;
using Azure.Data.Tables;

namespace WhatsAppCampaigns.Core.Storage;

/// <summary>
/// The one read–decide–conditional-write loop for rows that several writers change. An attempt reads afresh, decides,
/// and writes on the ETag it read (or inserts where there was no row). Storage answers 412 (the ETag moved) or 409 (the
/// row appeared) when another writer came first; the attempt then runs again after a short jittered pause, at most
/// <see cref="MaxAttempts"/> times, after which <see cref="ConcurrencyExhaustedException"/> leaves like any storage
/// failure (a queue redelivers the work). Everything else an attempt throws leaves at once.
/// </summary>
public static class OptimisticWrite
{
    /// <summary>Enough for the hottest rows (quota window, funnel counters) under dozens of concurrent writers.</summary>
    public const int MaxAttempts = 40;

    /// <param name="attempt">Reads, decides and writes; throws the storage conflict to be run again.</param>
    /// <param name="onConflict">Optional: forget what the failed attempt cached or reserved before it runs again.</param>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken ct, Func<Task>? onConflict = null)
    {
        for (var n = 1; ; n++)
        {
            try
            {
                return await attempt(ct);
            }
            catch (RequestFailedException ex) when (IsConflict(ex))
            {
                if (onConflict is not null)
                {
                    await onConflict();
                }

                if (n >= MaxAttempts)
                {
                    throw new ConcurrencyExhaustedException(MaxAttempts, ex);
                }

                await BackOffAsync(n, ct);
            }
        }
    }

    public static Task RunAsync(Func<CancellationToken, Task> attempt, CancellationToken ct, Func<Task>? onConflict = null) =>
        RunAsync<bool>(async token => { await attempt(token); return true; }, ct, onConflict);

    /// <summary>Another writer came first: the row's ETag moved (412) or a row we meant to insert exists (409).</summary>
    public static bool IsConflict(RequestFailedException ex) => ex.Status is 409 or 412;

    /// <summary>Inserts a row read as absent (no ETag), else replaces it on the ETag it was read with; returns the new ETag.</summary>
    public static async Task<ETag> WriteAsync(this TableClient table, ITableEntity entity, CancellationToken ct)
    {
        Response response = IsNew(entity)
            ? await table.AddEntityAsync(entity, ct)
            : await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, ct);
        return response.Headers.ETag ?? default;
    }

    /// <summary>The same write as one action of an entity-group transaction.</summary>
    public static TableTransactionAction WriteAction(ITableEntity entity) => IsNew(entity)
        ? new TableTransactionAction(TableTransactionActionType.Add, entity)
        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, entity.ETag);

    /// <summary>No ETag: the row was read as absent. (A <see cref="TableEntity"/> given <c>ETag = default</c> holds an empty one.)</summary>
    public static bool IsNew(ITableEntity entity) => string.IsNullOrEmpty(entity.ETag.ToString());

    // The first retry is immediate (most conflicts are one other writer); then a random pause that doubles up to 250 ms
    // spreads the writers out, so even a hot row settles within the attempts (they add up to several seconds at most).
    private static Task BackOffAsync(int attempt, CancellationToken ct) =>
        attempt < 2 ? Task.CompletedTask : Task.Delay(Random.Shared.Next(1, 1 + Math.Min(250, 2 << Math.Min(attempt, 7))), ct);
}

/// <summary>A row kept changing under every attempt of <see cref="OptimisticWrite.RunAsync{T}"/>.</summary>
public sealed class ConcurrencyExhaustedException(int attempts, Exception inner)
    : InvalidOperationException($"A storage row kept changing under {attempts} attempts; the work will be retried.", inner);
