namespace WhatsAppCampaigns.CloudApiSimulator;

/// <summary>Limits enforced on sends. Immutable: swap the whole record to change them at run time.</summary>
public sealed record SimulatorLimits
{
    /// <summary>Messages per phone number in any sliding second; over it answers 130429. Meta's default is 80.</summary>
    public int ThroughputPerSecond { get; init; } = 80;

    /// <summary>Pair rate (one number → one user): one message per this interval; over it answers 131056.</summary>
    public TimeSpan PairRateInterval { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Messages one pair may send at once before the interval applies (Meta allows bursts of up to 45).</summary>
    public int PairRateBurst { get; init; } = 45;

    /// <summary>Marketing templates one user may receive per moving 24 h; the next fails with 131049. Null = no limit (Meta's is dynamic).</summary>
    public int? MarketingPerUserPer24Hours { get; init; }

    /// <summary>Marketing templates to US numbers fail (Meta stopped delivering them on 1 Apr 2025).</summary>
    public bool BlockMarketingToUsNumbers { get; init; } = true;

    /// <summary>Code of the failed status for a US marketing refusal; Meta reports 131049.</summary>
    public int UsMarketingErrorCode { get; init; } = 131049;

    /// <summary>Share of sends (0–1) answered with a transient error (131000 or 131016), decided by the seed.</summary>
    public double TransientErrorRate { get; init; }
}
