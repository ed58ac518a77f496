using System.Globalization;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Journeys;

/// <summary>
/// Daily counters per journey (PK = UTC day, RK = journey): entered, reminded per step and template, converted and
/// revenue per step and template. A day row is tiny and updated with ETag, so a period is a short range read.
/// </summary>
public sealed class JourneyStats(StorageClients storage)
{
    public const string TableName = "JourneyStats";
    private readonly TableClient _table = storage.Table(TableName);

    /// <param name="entered">The subject's first step in its sequence: it counts as having entered the journey.</param>
    public Task RemindedAsync(IJourneyDefinition journey, int step, string template, bool entered, DateTimeOffset at, CancellationToken ct) =>
        IncrementAsync(journey.Name, at, ct, (entered ? new[] { journey.EnteredCounter } : []).Concat([$"reminded_step{step}", $"reminded_t_{Name(template)}"]).Select(n => (n, 1L)).ToArray());

    public Task ConvertedAsync(IJourneyDefinition journey, int step, string template, long amountMinor, string currency, DateTimeOffset at, CancellationToken ct)
    {
        var converted = journey.ConvertedCounter;
        return IncrementAsync(journey.Name, at, ct,
            (converted, 1), ($"{converted}_step{step}", 1), ($"{converted}_t_{Name(template)}", 1),
            ($"revenue_{currency}", amountMinor), ($"revenue_step{step}_{currency}", amountMinor), ($"revenue_t_{Name(template)}_{currency}", amountMinor));
    }

    /// <summary>Sums the journey's counters of the days from <paramref name="from"/> to <paramref name="to"/> (inclusive, UTC).</summary>
    public async Task<IReadOnlyDictionary<string, long>> ReadAsync(string journey, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var totals = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Day(from)} and PartitionKey le {Day(to)} and RowKey eq {journey}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            foreach (var (name, value) in row.Where(p => p.Value is long or int))
            {
                totals[name] = totals.GetValueOrDefault(name) + Convert.ToInt64(value, CultureInfo.InvariantCulture);
            }
        }

        return totals;
    }

    private Task IncrementAsync(string journey, DateTimeOffset at, CancellationToken ct, params (string Name, long By)[] counters)
    {
        var day = Day(DateOnly.FromDateTime(at.UtcDateTime));
        return OptimisticWrite.RunAsync(async token =>
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(day, journey, cancellationToken: token);
            var row = existing.HasValue ? existing.Value! : new TableEntity(day, journey);
            foreach (var (name, by) in counters)
            {
                row[name] = (row.GetInt64(name) ?? 0) + by;
            }

            await _table.WriteAsync(row, token);
        }, ct);
    }

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Name(string value) => new(value.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
