using WhatsAppCampaigns.Core.Campaigns.Testing;

namespace WhatsAppCampaigns.Core.Tests.Campaigns;

public sealed class VariantDecisionRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly TestPlan Plan = new(0.1, TimeSpan.FromHours(4), MinSamplePerVariant: 100, Confidence: 0.95, DefaultVariant: "a");

    [Fact]
    public void Decide_ReadRates20And35Percent_OnFiveHundredEach_PicksTheBetterAsClearWinner()
    {
        var decision = VariantDecisionRule.Decide(Plan, [new("a", 500, 100, 0, 0), new("b", 500, 175, 0, 0)], Now);

        Assert.Equal("b", decision.Winner);
        Assert.Equal(TestOutcomes.ClearWinner, decision.Outcome);
        Assert.True(decision.PValue < 0.001, $"p = {decision.PValue}");
        var b = decision.Variants.Single(v => v.Name == "b");
        Assert.Equal(0.35, b.Rate, 6);
        Assert.Equal(0.35 - (1.959964 * Math.Sqrt(0.35 * 0.65 / 500)), b.Low, 4);
        Assert.Equal(0.35 + (1.959964 * Math.Sqrt(0.35 * 0.65 / 500)), b.High, 4);
        Assert.Equal(Now, decision.DecidedAt);
    }

    [Fact]
    public void Decide_CloseRates_IsNoClearWinner_AndTheDefaultVariantWins()
    {
        // 21 % against 20 % on 500 each: p ≈ 0.70.
        var decision = VariantDecisionRule.Decide(Plan, [new("a", 500, 100, 0, 0), new("b", 500, 105, 0, 0)], Now);

        Assert.Equal("a", decision.Winner);
        Assert.Equal(TestOutcomes.NoClearWinner, decision.Outcome);
        Assert.Equal(0.696, decision.PValue!.Value, 2);
    }

    [Fact]
    public void Decide_ExactTie_WithoutDefault_GoesToTheFirstListed()
    {
        var decision = VariantDecisionRule.Decide(Plan with { DefaultVariant = null }, [new("a", 400, 80, 0, 0), new("b", 400, 80, 0, 0)], Now);

        Assert.Equal("a", decision.Winner);
        Assert.Equal(TestOutcomes.NoClearWinner, decision.Outcome);
        Assert.Equal(1.0, decision.PValue!.Value, 6);
    }

    [Fact]
    public void Decide_SampleBelowMinimum_RunsNoTest_AndFallsBackToTheDefault()
    {
        // b looks far better, but has only 99 messages.
        var decision = VariantDecisionRule.Decide(Plan, [new("a", 500, 100, 0, 0), new("b", 99, 60, 0, 0)], Now);

        Assert.Equal("a", decision.Winner);
        Assert.Equal(TestOutcomes.SampleTooSmall, decision.Outcome);
        Assert.Null(decision.PValue);
    }

    [Fact]
    public void Decide_SampleBelowMinimum_WithoutDefault_TakesTheBestPointEstimate()
    {
        var decision = VariantDecisionRule.Decide(Plan with { DefaultVariant = null }, [new("a", 50, 10, 0, 0), new("b", 50, 20, 0, 0)], Now);

        Assert.Equal("b", decision.Winner);
        Assert.Equal(TestOutcomes.SampleTooSmall, decision.Outcome);
    }

    [Fact]
    public void Decide_VariantOverTheOptOutGuardrail_IsDropped_EvenWithTheBestRate()
    {
        // c reads best but 3 % opted out (guardrail 2 %).
        var decision = VariantDecisionRule.Decide(Plan, [new("a", 500, 100, 0, 0), new("b", 500, 175, 5, 0), new("c", 500, 250, 15, 0)], Now);

        Assert.Equal("b", decision.Winner);
        Assert.Equal(TestOutcomes.ClearWinner, decision.Outcome);
        Assert.True(decision.Variants.Single(v => v.Name == "c").Dropped);
        Assert.False(decision.Variants.Single(v => v.Name == "b").Dropped);
    }

    [Fact]
    public void Decide_OneLeftAfterTheFailureGuardrail_WinsWithoutATest()
    {
        var decision = VariantDecisionRule.Decide(Plan, [new("a", 500, 100, 0, 101), new("b", 500, 90, 0, 0)], Now);

        Assert.Equal("b", decision.Winner);
        Assert.Equal(TestOutcomes.OnlyOneLeft, decision.Outcome);
    }

    [Fact]
    public void Decide_EveryVariantDropped_HasNoWinner()
    {
        var decision = VariantDecisionRule.Decide(Plan, [new("a", 500, 100, 11, 0), new("b", 500, 175, 0, 101)], Now);

        Assert.Null(decision.Winner);
        Assert.Equal(TestOutcomes.AllDropped, decision.Outcome);
        Assert.All(decision.Variants, v => Assert.True(v.Dropped));
    }

    [Fact]
    public void NormalQuantile_Of975_Is196()
    {
        Assert.Equal(1.959964, VariantDecisionRule.NormalQuantile(0.975), 4);
    }
}
