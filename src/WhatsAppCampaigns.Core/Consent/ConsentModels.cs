namespace WhatsAppCampaigns.Core.Consent;

public enum ConsentScope
{
    Marketing,
    Utility,
}

public enum ConsentStatus
{
    OptedIn,
    OptedOut,
}

/// <summary>Which clock dated a consent change: what <see cref="ConsentRegister"/> may trust when it orders two of them.</summary>
public enum ConsentClock
{
    /// <summary>A time the caller gave (the business's systems): it may be skewed by up to the tolerance.</summary>
    Caller,

    /// <summary>A WhatsApp webhook's timestamp: whole seconds.</summary>
    WhatsApp,

    /// <summary>The product's own clock (an API change without a time, a Graph refusal, an erasure).</summary>
    Product,
}

/// <summary>One entry of a contact's immutable consent history.</summary>
/// <param name="Source">How it arrived: <c>checkout_checkbox</c>, <c>whatsapp_keyword</c>, <c>whatsapp_button</c>, <c>user_preferences</c>, <c>graph_131050</c>, <c>support_agent</c>, …</param>
/// <param name="Evidence">What the person saw or said (the wording they agreed to, the keyword they typed).</param>
/// <param name="RecordedBy">Who recorded it, when known (an agent, a system); null for the person's own action on WhatsApp.</param>
/// <param name="Clock">Who dated <paramref name="At"/>; the sources WhatsApp reports (<see cref="ConsentSources"/>) are always its clock.</param>
public sealed record ConsentChange(
    ConsentScope Scope,
    ConsentStatus Status,
    string Source,
    DateTimeOffset At,
    string? Evidence = null,
    string? EvidenceUrl = null,
    string? RecordedBy = null,
    ConsentClock Clock = ConsentClock.Caller)
{
    public ConsentClock EffectiveClock => ConsentSources.IsWhatsAppClock(Source) ? ConsentClock.WhatsApp : Clock;
}

/// <summary>The current consent for one scope, as <see cref="ConsentRegister"/> decides it from the history.</summary>
/// <param name="Status">Null when nothing was ever recorded.</param>
/// <param name="At">When the change that decides <paramref name="Status"/> happened.</param>
/// <param name="Suppressed">The number was erased (GDPR) and must not be messaged until it opts in anew.</param>
public sealed record ConsentState(ConsentScope Scope, ConsentStatus? Status, DateTimeOffset? At, string? Source, bool Suppressed = false)
{
    public bool AllowsSending => Status == ConsentStatus.OptedIn && !Suppressed;
}

/// <summary>Both scopes of one number, read together: what <see cref="ConsentPolicy"/> decides from.</summary>
public sealed record ConsentSnapshot(ConsentState Marketing, ConsentState Utility)
{
    public bool Suppressed => Marketing.Suppressed || Utility.Suppressed;

    public static ConsentSnapshot Nothing(bool suppressed = false) => new(
        new ConsentState(ConsentScope.Marketing, null, null, null, suppressed),
        new ConsentState(ConsentScope.Utility, null, null, null, suppressed));
}
