using Microsoft.DurableTask;

namespace WhatsAppCampaigns.Core.Campaigns.Orchestration;

/// <summary>
/// Keeps one outstanding wait for the control event, so the orchestrator can look for a signal between pages without
/// blocking and await one when paused. Deterministic: the event's place in the history decides when it is seen.
/// </summary>
internal sealed class SignalInbox(TaskOrchestrationContext context)
{
    private Task<string> _pending = context.WaitForExternalEvent<string>(CampaignTaskNames.ControlEvent);

    public bool HasSignal => _pending.IsCompleted;

    public Task Next => _pending;

    /// <summary>The received signal; then waits for the next one.</summary>
    public async Task<string> TakeAsync()
    {
        var signal = await _pending;
        _pending = context.WaitForExternalEvent<string>(CampaignTaskNames.ControlEvent);
        return signal?.Trim().ToLowerInvariant() ?? "";
    }
}
