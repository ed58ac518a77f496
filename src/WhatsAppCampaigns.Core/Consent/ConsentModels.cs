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

/// <summary>One entry of a contact's immutable consent history.</summary>
/// <param name="Source">How it arrived: <c>checkout_checkbox</c>, <c>whatsapp_keyword</c>, <c>whatsapp_button</c>, <c>user_preferences</c>, <c>graph_131050</c>, <c>support_agent</c>, …</param>
/// <param name="Evidence">What the person saw or said (the wording they agreed to, the keyword they typed).</param>
/// <param name="RecordedBy">Who recorded it, when known (an agent, a system); null for the person's own action on WhatsApp.</param>
public sealed record ConsentChange(
    ConsentScope Scope,
    ConsentStatus Status,
    string Source,
    DateTimeOffset At,
    string? Evidence = null,
    string? EvidenceUrl = null,
    string? RecordedBy = null);

/// <summary>The current consent for one scope, derived from the history: an opt-out wins over any older opt-in.</summary>
/// <param name="Status">Null when nothing was ever recorded.</param>
/// <param name="Suppressed">The number was erased (GDPR) and must not be messaged until it opts in anew.</param>
public sealed record ConsentState(ConsentScope Scope, ConsentStatus? Status, DateTimeOffset? At, string? Source, bool Suppressed = false)
{
    public bool AllowsSending => Status == ConsentStatus.OptedIn && !Suppressed;
}
