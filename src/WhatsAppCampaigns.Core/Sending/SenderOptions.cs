namespace WhatsAppCampaigns.Core.Sending;

/// <summary>How the senders protect the account. Section <c>Sender</c>; every value has a safe default.</summary>
public sealed class SenderOptions
{
    public const string SectionName = "Sender";

    /// <summary>A claim older than this is presumed dead and taken over (longer than a Graph call with its retries).</summary>
    public TimeSpan ClaimStaleAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>After taking over a dead sender's claim, wait this long for a status webhook to confirm the earlier send.</summary>
    public TimeSpan TakeoverGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A paused or scheduled campaign's messages are looked at again after this.</summary>
    public TimeSpan HoldDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>While sending is halted (auth or account error), messages are looked at again after this.</summary>
    public TimeSpan HaltRecheckDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Marketing held because the number's quality or the account says so is looked at again after this.</summary>
    public TimeSpan MarketingPausedDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>First backoff after a transient failure; doubles with every failed delivery.</summary>
    public TimeSpan TransientBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxTransientBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed deliveries a message goes to the dead-letter table.</summary>
    public int MaxFailedDeliveries { get; set; } = 5;

    /// <summary>Account signals (limit, halt, number profile) are re-read at most this often per instance.</summary>
    public TimeSpan SignalCacheTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The moving window of the portfolio's messaging limit.</summary>
    public TimeSpan LimitWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Quota is counted in buckets of this size; a slot frees at its bucket's end plus the window (never early).</summary>
    public TimeSpan QuotaBucket { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest block of quota slots one instance reserves in one write; smaller near the limit.</summary>
    public int QuotaBlockSize { get; set; } = 50;

    /// <summary>Unused reserved slots go back to the portfolio after this.</summary>
    public TimeSpan QuotaLeaseTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Per phone number when the account signals do not say otherwise (Meta: 80, 1,000 after upgrade).</summary>
    public int DefaultMessagesPerSecond { get; set; } = 80;

    /// <summary>Share of a number's rate the senders aim for, so jitter never tips a sliding second over the limit.</summary>
    public double ThroughputHeadroom { get; set; } = 0.95;

    /// <summary>Longest wait for a throughput token inside one delivery; longer waits defer through the queue.</summary>
    public TimeSpan MaxThroughputWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Guardrails act only after this many accepted messages of a campaign.</summary>
    public int GuardrailMinimumSample { get; set; } = 200;

    /// <summary>Opt-outs (131050 and recorded opt-outs) per accepted message above which a campaign pauses itself.</summary>
    public double GuardrailMaxOptOutRate { get; set; } = 0.02;

    /// <summary>Failed per accepted message above which a campaign pauses itself.</summary>
    public double GuardrailMaxFailureRate { get; set; } = 0.10;

    /// <summary>Guardrails read the funnel once per this many results of a campaign in one instance.</summary>
    public int GuardrailCheckEvery { get; set; } = 100;
}
