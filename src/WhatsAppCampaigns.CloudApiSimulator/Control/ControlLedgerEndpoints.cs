using WhatsAppCampaigns.CloudApiSimulator.Hosting;
using WhatsAppCampaigns.CloudApiSimulator.Webhooks;

namespace WhatsAppCampaigns.CloudApiSimulator.Control;

/// <summary><c>/_sim/health</c>, <c>/_sim/ledger*</c> and <c>/_sim/webhooks*</c>: what happened so far.</summary>
internal static class ControlLedgerEndpoints
{
    public static RouteGroupBuilder MapLedger(this RouteGroupBuilder group)
    {
        group.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        group.MapGet("/ledger", (SimulatorContext context) => Results.Ok(context.Ledger.Summarize()));
        group.MapGet("/ledger/messages", (string? to, int? limit, SimulatorContext context) =>
        {
            var entries = to is null ? context.Ledger.Entries : context.Ledger.EntriesTo(to);
            return Results.Ok(entries.TakeLast(Math.Clamp(limit ?? 100, 1, 10_000)));
        });
        group.MapPost("/ledger/reset", (SimulatorContext context) =>
        {
            context.Ledger.Clear();
            return Results.NoContent();
        });
        group.MapGet("/webhooks", (SimulatorContext context, WebhookDispatcher dispatcher) => Results.Ok(new
        {
            pending = dispatcher.Pending,
            delivered = context.WebhookStats.Delivered,
            failedAttempts = context.WebhookStats.FailedAttempts,
            givenUp = context.WebhookStats.GivenUp,
        }));
        group.MapPost("/webhooks/wait", async (int? timeoutMs, WebhookDispatcher dispatcher, CancellationToken ct) =>
        {
            var idle = await dispatcher.WaitForIdleAsync(TimeSpan.FromMilliseconds(timeoutMs ?? 10_000), ct).ConfigureAwait(false);
            return Results.Ok(new { idle, pending = dispatcher.Pending });
        });
        group.MapPost("/webhooks/verify", async (string? verifyToken, WebhookVerification verification, CancellationToken ct) =>
            Results.Ok(new { verified = await verification.VerifyAsync(verifyToken, ct).ConfigureAwait(false) }));
        return group;
    }
}
