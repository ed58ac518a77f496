using WhatsAppCampaigns.Core.Hosting;

namespace WhatsAppCampaigns.LocalRunner.Hosting;

/// <summary>The local runner's timer trigger: runs a job every period; a failed run is logged and the next one comes as usual.</summary>
public sealed partial class PeriodicJobRunner<TJob>(TJob job, TimeSpan period, TimeProvider time, ILogger<PeriodicJobRunner<TJob>> logger)
    : BackgroundService
    where TJob : IScheduledJob
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                await job.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(logger, ex, typeof(TJob).Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string job);
}
