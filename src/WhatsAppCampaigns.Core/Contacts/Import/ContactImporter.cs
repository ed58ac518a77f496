using System.Collections.Concurrent;

namespace WhatsAppCampaigns.Core.Contacts.Import;

/// <summary>
/// Bulk upsert: every good row is written whatever happens to the bad ones. Each contact is its own partition,
/// so rows cannot share a batch; they are written in parallel instead.
/// </summary>
public sealed class ContactImporter(TableContactDirectory contacts, TimeProvider time)
{
    public const int MaxRows = 10_000;
    private const int Parallelism = 16;

    public async Task<ImportReport> ImportAsync(IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken = default)
    {
        var errors = new ConcurrentBag<ImportRowError>(rows.Where(r => r.Error is not null).Select(r => r.Error!));
        var now = time.GetUtcNow();
        var imported = 0;

        await Parallel.ForEachAsync(
            rows.Where(r => r.Input is not null),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (row, ct) =>
            {
                var validation = ContactValidator.Validate(row.Input!, now);
                if (!validation.IsValid)
                {
                    errors.Add(new ImportRowError(row.Row, row.Input!.Phone, validation.Errors));
                    return;
                }

                await contacts.UpsertAsync(validation.Contact!, ct);
                Interlocked.Increment(ref imported);
            });

        return new ImportReport(rows.Count, imported, errors.Count, errors.OrderBy(e => e.Row).ToList());
    }
}
