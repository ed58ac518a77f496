namespace WhatsAppCampaigns.Core.Campaigns.Testing;

/// <summary>What decides a test: read rate (read / accepted) or conversion rate (converted / accepted).</summary>
public enum TestMetric
{
    ReadRate,
    ConversionRate,
}

/// <summary>
/// A variant test: a seeded sample of the audience receives the variants, the orchestration waits <paramref name="Window"/>,
/// picks a winner by <see cref="VariantDecisionRule"/>, and the rest of the audience receives only the winner.
/// </summary>
/// <param name="SampleShare">Share of the audience in the test sample (0 &lt; share &lt; 1), hold-out included.</param>
/// <param name="HoldoutShare">Share that receives nothing (taken from the bottom of the sample's bucket range).</param>
/// <param name="DefaultVariant">Winner when no variant is clearly better; null = the best point estimate.</param>
public sealed record TestPlan(
    double SampleShare,
    TimeSpan Window,
    TestMetric Metric = TestMetric.ReadRate,
    int MinSamplePerVariant = 100,
    double Confidence = 0.95,
    double MaxOptOutRate = 0.02,
    double MaxFailureRate = 0.2,
    string? DefaultVariant = null,
    double HoldoutShare = 0);
