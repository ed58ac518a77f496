using WhatsAppCampaigns.Core.Hosting;

namespace WhatsAppCampaigns.LocalRunner.Hosting;

/// <summary>
/// The local runner's timer trigger: runs a job at each occurrence of its schedule (the same NCRONTAB setting the
/// Functions timer reads); a failed run is logged and the next one comes as usual.
/// </summary>
public sealed partial class PeriodicJobRunner<TJob>(TJob job, CronSchedule schedule, TimeProvider time, ILogger<PeriodicJobRunner<TJob>> logger)
    : BackgroundService
    where TJob : IScheduledJob
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await job.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(logger, ex, typeof(TJob).Name);
            }

            var now = time.GetUtcNow();
            var wait = schedule.Next(now) - now;
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string job);
}
