using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Journeys;

namespace WhatsAppCampaigns.Core.Carts;

/// <summary>The cart reminder timer's work: one run of the journey engine over the carts that are due.</summary>
public sealed class CartReminderJob(JourneyRunner runner, CartStore store) : IScheduledJob
{
    public async Task RunAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    public Task<JourneyRun> RunOnceAsync(CancellationToken ct) => runner.RunOnceAsync(store, ct);
}
