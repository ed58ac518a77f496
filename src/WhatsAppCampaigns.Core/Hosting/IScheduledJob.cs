namespace WhatsAppCampaigns.Core.Hosting;

/// <summary>Work run on a schedule: a timer trigger in Functions, a periodic loop in the local runner.</summary>
public interface IScheduledJob
{
    Task RunAsync(CancellationToken cancellationToken);
}
