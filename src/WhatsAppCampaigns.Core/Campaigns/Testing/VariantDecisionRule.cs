namespace WhatsAppCampaigns.Core.Campaigns.Testing;

/// <summary>
/// The stated rule. (1) A variant whose opt-out or failure rate exceeds the plan's guardrail is dropped. (2) None left:
/// no winner (the campaign pauses). One left: it wins. (3) Any remaining variant below the minimum sample: no test is
/// run; the default variant wins, else the best point estimate. (4) Otherwise a pooled two-proportion z-test of the best
/// against the runner-up: p below 1 − confidence makes the best the clear winner; else the default variant, else the best.
/// Ties on the point estimate go to the variant listed first.
/// </summary>
public static class VariantDecisionRule
{
    public static TestDecision Decide(TestPlan plan, IReadOnlyList<VariantCounts> counts, DateTimeOffset now)
    {
        var z = NormalQuantile(1 - ((1 - plan.Confidence) / 2));
        var stats = counts.Select(c => Stats(plan, c, z)).ToArray();
        var left = stats.Where(s => !s.Dropped).ToArray();
        if (left.Length == 0)
        {
            return new TestDecision(null, TestOutcomes.AllDropped, null, stats, now);
        }

        if (left.Length == 1)
        {
            return new TestDecision(left[0].Name, TestOutcomes.OnlyOneLeft, null, stats, now);
        }

        var ranked = left.OrderByDescending(s => s.Rate).ThenBy(s => Array.IndexOf(stats, s)).ToArray();
        var fallback = left.FirstOrDefault(s => s.Name == plan.DefaultVariant)?.Name ?? ranked[0].Name;
        if (left.Any(s => s.Sample < plan.MinSamplePerVariant))
        {
            return new TestDecision(fallback, TestOutcomes.SampleTooSmall, null, stats, now);
        }

        var p = TwoProportionPValue(ranked[0], ranked[1]);
        return p < 1 - plan.Confidence
            ? new TestDecision(ranked[0].Name, TestOutcomes.ClearWinner, p, stats, now)
            : new TestDecision(fallback, TestOutcomes.NoClearWinner, p, stats, now);
    }

    private static VariantStats Stats(TestPlan plan, VariantCounts c, double z)
    {
        var n = Math.Max(c.Sample, 0);
        var rate = n == 0 ? 0 : (double)c.Successes / n;
        var half = n == 0 ? 0 : z * Math.Sqrt(rate * (1 - rate) / n);
        var optOut = n == 0 ? 0 : (double)c.OptOuts / n;
        var failure = n == 0 ? 0 : (double)c.Failed / n;
        var dropped = optOut > plan.MaxOptOutRate || failure > plan.MaxFailureRate;
        return new VariantStats(c.Name, n, c.Successes, rate, Math.Max(0, rate - half), Math.Min(1, rate + half), optOut, failure, dropped);
    }

    /// <summary>Two-sided p-value of the pooled two-proportion z-test.</summary>
    public static double TwoProportionPValue(VariantStats a, VariantStats b)
    {
        var pooled = (double)(a.Successes + b.Successes) / (a.Sample + b.Sample);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / a.Sample) + (1.0 / b.Sample)));
        if (se == 0)
        {
            return a.Rate == b.Rate ? 1 : 0;
        }

        var z = Math.Abs(a.Rate - b.Rate) / se;
        return 2 * (1 - NormalCdf(z));
    }

    public static double NormalCdf(double x) => 0.5 * (1 + Erf(x / Math.Sqrt(2)));

    /// <summary>Inverse of <see cref="NormalCdf"/> by bisection (deterministic, accurate to 1e-9).</summary>
    public static double NormalQuantile(double p)
    {
        double lo = -10, hi = 10;
        for (var i = 0; i < 100; i++)
        {
            var mid = (lo + hi) / 2;
            if (NormalCdf(mid) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }

    /// <summary>Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7).</summary>
    private static double Erf(double x)
    {
        var sign = Math.Sign(x);
        x = Math.Abs(x);
        var t = 1 / (1 + (0.3275911 * x));
        var poly = ((((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t) - 0.284496736) * t) + 0.254829592) * t;
        var y = 1 - (poly * Math.Exp(-x * x));
        return sign * y;
    }
}
