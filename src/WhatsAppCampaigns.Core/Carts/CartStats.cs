using System.Globalization;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Carts;

/// <summary>
/// Daily counters of the reminder sequence (PK = UTC day, RK = <c>all</c>): carts abandoned, reminded per step,
/// recovered and revenue per step and template. A day row is tiny and updated with ETag, so a period is a short range read.
/// </summary>
public sealed class CartStats(StorageClients storage)
{
    public const string TableName = "CartStats";
    private readonly TableClient _table = storage.Table(TableName);

    /// <summary>Step 0 reminded means the cart was abandoned; every step counts under its number.</summary>
    public Task RemindedAsync(int step, string template, DateTimeOffset at, CancellationToken ct) =>
        IncrementAsync(at, ct, (step == 0 ? new[] { "abandoned" } : []).Concat([$"reminded_step{step}", $"reminded_t_{Name(template)}"]).Select(n => (n, 1L)).ToArray());

    public Task RecoveredAsync(int step, string template, long amountMinor, string currency, DateTimeOffset at, CancellationToken ct) =>
        IncrementAsync(at, ct,
            ("recovered", 1), ($"recovered_step{step}", 1), ($"recovered_t_{Name(template)}", 1),
            ($"revenue_{currency}", amountMinor), ($"revenue_step{step}_{currency}", amountMinor), ($"revenue_t_{Name(template)}_{currency}", amountMinor));

    /// <summary>Sums the counters of the days from <paramref name="from"/> to <paramref name="to"/> (inclusive, UTC).</summary>
    public async Task<IReadOnlyDictionary<string, long>> ReadAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var totals = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var filter = $"PartitionKey ge '{Day(from)}' and PartitionKey le '{Day(to)}'";
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            foreach (var (name, value) in row.Where(p => p.Value is long or int))
            {
                totals[name] = totals.GetValueOrDefault(name) + Convert.ToInt64(value, CultureInfo.InvariantCulture);
            }
        }

        return totals;
    }

    private Task IncrementAsync(DateTimeOffset at, CancellationToken ct, params (string Name, long By)[] counters)
    {
        var day = Day(DateOnly.FromDateTime(at.UtcDateTime));
        return OptimisticWrite.RunAsync(async token =>
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(day, "all", cancellationToken: token);
            var row = existing.HasValue ? existing.Value! : new TableEntity(day, "all");
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
