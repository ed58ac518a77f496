using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Campaigns.Testing;

namespace WhatsAppCampaigns.Api.Campaigns;

/// <summary>
/// <c>"test"</c> in <c>POST /api/campaigns</c>: <c>{"sampleShare":0.1,"windowHours":4,"metric":"read_rate","minSamplePerVariant":100,
/// "confidence":0.95,"maxOptOutRate":0.02,"maxFailureRate":0.2,"defaultVariant":"a","holdoutShare":0}</c>.
/// </summary>
public sealed class TestPlanRequest
{
    public double? SampleShare { get; set; }

    public double? WindowHours { get; set; }

    /// <summary><c>read_rate</c> (default) or <c>conversion_rate</c>.</summary>
    public string? Metric { get; set; }

    public int MinSamplePerVariant { get; set; } = 100;

    public double Confidence { get; set; } = 0.95;

    public double MaxOptOutRate { get; set; } = 0.02;

    public double MaxFailureRate { get; set; } = 0.2;

    public string? DefaultVariant { get; set; }

    public double HoldoutShare { get; set; }

    /// <summary>The plan, or null with errors reported; the campaign must carry 2 to 5 variants.</summary>
    public TestPlan? Read(IReadOnlyList<CampaignVariant> variants, Action<string, string> error)
    {
        var ok = true;
        void Fail(string field, string message)
        {
            ok = false;
            error($"test.{field}", message);
        }

        if (variants.Count is < 2 or > 5)
        {
            Fail("variants", "A variant test needs 2 to 5 variants.");
        }

        if (SampleShare is not (> 0 and < 1))
        {
            Fail("sampleShare", "Required, between 0 and 1 (exclusive).");
        }

        if (HoldoutShare < 0 || HoldoutShare >= (SampleShare ?? 0))
        {
            Fail("holdoutShare", "At least 0 and below sampleShare (the hold-out is taken from the sample's share).");
        }

        if (WindowHours is not (> 0 and <= 168))
        {
            Fail("windowHours", "Required, more than 0 and at most 168.");
        }

        var metric = Metric?.Trim().ToLowerInvariant() switch
        {
            null or "" or "read_rate" => TestMetric.ReadRate,
            "conversion_rate" => TestMetric.ConversionRate,
            _ => (TestMetric?)null,
        };
        if (metric is null)
        {
            Fail("metric", "Must be read_rate or conversion_rate.");
        }

        if (MinSamplePerVariant < 1)
        {
            Fail("minSamplePerVariant", "At least 1.");
        }

        if (Confidence is not (>= 0.5 and < 1))
        {
            Fail("confidence", "At least 0.5 and below 1.");
        }

        if (MaxOptOutRate is not (>= 0 and <= 1) || MaxFailureRate is not (>= 0 and <= 1))
        {
            Fail("guardrails", "maxOptOutRate and maxFailureRate are between 0 and 1.");
        }

        if (DefaultVariant is not null && variants.All(v => v.Name != DefaultVariant))
        {
            Fail("defaultVariant", "Must name one of the variants.");
        }

        return ok
            ? new TestPlan(SampleShare!.Value, TimeSpan.FromHours(WindowHours!.Value), metric!.Value, MinSamplePerVariant, Confidence, MaxOptOutRate, MaxFailureRate, DefaultVariant, HoldoutShare)
            : null;
    }
}
