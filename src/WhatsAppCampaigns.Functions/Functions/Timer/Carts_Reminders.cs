using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Core.Carts;

namespace WhatsAppCampaigns.Functions.Functions.Timer;

public sealed class Carts_Reminders(CartReminderJob job)
{
    /// <summary>The setting <c>CartReminders__Schedule</c> (default every minute), which the local runner reads too.</summary>
    public const string Schedule = "%" + CartReminderOptions.SectionName + ":" + nameof(CartReminderOptions.Schedule) + "%";

    [Function(nameof(Carts_Reminders))]
    public Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(cancellationToken);
}
