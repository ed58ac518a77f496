using NCrontab;

namespace WhatsAppCampaigns.Core.Hosting;

/// <summary>
/// A timer schedule as the Functions host reads it (NCRONTAB with seconds: <c>{second} {minute} {hour} {day} {month} {day-of-week}</c>),
/// so one setting drives the timer trigger in Azure and the local runner's timer alike.
/// </summary>
public sealed class CronSchedule
{
    private readonly CrontabSchedule _schedule;

    private CronSchedule(CrontabSchedule schedule) => _schedule = schedule;

    public static bool TryParse(string? expression, out CronSchedule? schedule)
    {
        var parsed = string.IsNullOrWhiteSpace(expression) ? null : CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        schedule = parsed is null ? null : new CronSchedule(parsed);
        return schedule is not null;
    }

    public static CronSchedule Parse(string expression) =>
        TryParse(expression, out var schedule) ? schedule! : throw new FormatException($"'{expression}' is not an NCRONTAB expression with seconds.");

    /// <summary>The first occurrence strictly after <paramref name="after"/> (UTC, as the Functions host evaluates it by default).</summary>
    public DateTimeOffset Next(DateTimeOffset after) =>
        new(DateTime.SpecifyKind(_schedule.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));
}
