using System.Collections.Concurrent;
using WhatsAppCampaigns.CloudApiSimulator.Templates;

namespace WhatsAppCampaigns.CloudApiSimulator.Scenario;

/// <summary>
/// What the simulated world looks like right now; every member is safe to call while sends are in flight.
/// Phone numbers may be given with or without '+' and separators: they are reduced to their digits (the wa_id).
/// </summary>
public sealed class SimulatorScenario
{
    private readonly ConcurrentDictionary<string, byte> _stoppedUsers = new();
    private readonly ConcurrentDictionary<string, byte> _undeliverable = new();
    private readonly ConcurrentQueue<InjectedFailure> _injectedFailures = new();
    private readonly TemplateRegistry _templates;
    private SimulatorLimits _limits;
    private WebhookBehavior _webhooks;

    internal SimulatorScenario(SimulatorLimits limits, WebhookBehavior webhooks, TemplateRegistry templates)
    {
        _limits = limits;
        _webhooks = webhooks;
        _templates = templates;
    }

    /// <summary>Limits in force; assign a new record (e.g. <c>Limits with { ThroughputPerSecond = 5 }</c>) to change them.</summary>
    public SimulatorLimits Limits
    {
        get => Volatile.Read(ref _limits);
        set => Volatile.Write(ref _limits, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Webhook behaviour in force; assign a new record to change it.</summary>
    public WebhookBehavior Webhooks
    {
        get => Volatile.Read(ref _webhooks);
        set => Volatile.Write(ref _webhooks, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>The user tapped Stop on marketing: marketing sends to them fail with 131050.</summary>
    public void StopUser(string phone) => _stoppedUsers[PhoneNumberText.ToWaId(phone)] = 0;

    /// <summary>The user tapped Resume.</summary>
    public void ResumeUser(string phone) => _stoppedUsers.TryRemove(PhoneNumberText.ToWaId(phone), out _);

    /// <summary>Whether marketing to this user is stopped.</summary>
    public bool IsStopped(string phone) => _stoppedUsers.ContainsKey(PhoneNumberText.ToWaId(phone));

    /// <summary>Sends to this number fail with 131026 (not on WhatsApp, old app, terms not accepted).</summary>
    public void MarkUndeliverable(string phone) => _undeliverable[PhoneNumberText.ToWaId(phone)] = 0;

    /// <summary>Undoes <see cref="MarkUndeliverable"/>.</summary>
    public void MarkDeliverable(string phone) => _undeliverable.TryRemove(PhoneNumberText.ToWaId(phone), out _);

    /// <summary>Whether sends to this number fail with 131026.</summary>
    public bool IsUndeliverable(string phone) => _undeliverable.ContainsKey(PhoneNumberText.ToWaId(phone));

    /// <summary>The next <paramref name="count"/> send calls (after the token check) are answered with this Graph error.</summary>
    public void FailNext(int count, int code, int? subcode = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var i = 0; i < count; i++)
        {
            _injectedFailures.Enqueue(new InjectedFailure(code, subcode));
        }
    }

    /// <summary>Drops failures queued by <see cref="FailNext"/> and not yet used.</summary>
    public void ClearInjectedFailures() => _injectedFailures.Clear();

    /// <summary>Pauses a template: sends fail with 132015. No webhook is posted (use the host's PostTemplateStatusAsync for that).</summary>
    public bool PauseTemplate(string name, string language) => _templates.SetStatus(name, language, TemplateStatuses.Paused);

    /// <summary>Sets any template status (APPROVED, PAUSED, DISABLED…).</summary>
    public bool SetTemplateStatus(string name, string language, string status) => _templates.SetStatus(name, language, status);

    /// <summary>Stopped users (wa_ids), for the control endpoint.</summary>
    public IReadOnlyCollection<string> StoppedUsers => _stoppedUsers.Keys.ToList();

    /// <summary>Undeliverable numbers (wa_ids), for the control endpoint.</summary>
    public IReadOnlyCollection<string> UndeliverableNumbers => _undeliverable.Keys.ToList();

    internal bool TryTakeInjectedFailure(out InjectedFailure failure) => _injectedFailures.TryDequeue(out failure);
}

/// <summary>A Graph error queued by <see cref="SimulatorScenario.FailNext"/>.</summary>
public readonly record struct InjectedFailure(int Code, int? Subcode);
