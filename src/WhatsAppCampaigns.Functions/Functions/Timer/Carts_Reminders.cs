using Microsoft.Azure.Functions.Worker;
using WhatsAppCampaigns.Core.Carts;

namespace WhatsAppCampaigns.Functions.Functions.Timer;

public sealed class Carts_Reminders(CartReminderJob job)
{
    /// <summary>Every minute: reminders are due at minute granularity, and a run reads only what is due.</summary>
    public const string Schedule = "0 * * * * *";

    [Function(nameof(Carts_Reminders))]
    public Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(cancellationToken);
}
