namespace WhatsAppCampaigns.Core.Campaigns.Testing;

/// <summary>What a variant's sample did: <paramref name="Sample"/> messages accepted, of which so many succeeded on the metric.</summary>
public sealed record VariantCounts(string Name, long Sample, long Successes, long OptOuts, long Failed);

/// <summary>A variant's metric with its confidence interval (normal approximation), and whether a guardrail dropped it.</summary>
public sealed record VariantStats(
    string Name,
    long Sample,
    long Successes,
    double Rate,
    double Low,
    double High,
    double OptOutRate,
    double FailureRate,
    bool Dropped);

/// <summary>Decision outcomes, as stored and shown.</summary>
public static class TestOutcomes
{
    public const string ClearWinner = "clear_winner";
    public const string NoClearWinner = "no_clear_winner";
    public const string SampleTooSmall = "sample_too_small";
    public const string OnlyOneLeft = "only_one_left";
    public const string AllDropped = "all_dropped";
    public const string PickedManually = "picked_manually";
}

/// <summary>The recorded decision: the winner (null when every variant was dropped), why, and the numbers it rested on.</summary>
/// <param name="PValue">Two-sided p-value of the best against the runner-up; null when no test was run.</param>
public sealed record TestDecision(
    string? Winner,
    string Outcome,
    double? PValue,
    IReadOnlyList<VariantStats> Variants,
    DateTimeOffset DecidedAt);
