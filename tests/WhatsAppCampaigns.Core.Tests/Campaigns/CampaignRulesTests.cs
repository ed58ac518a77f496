using WhatsAppCampaigns.Core.Audiences;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Tests.Campaigns;

public sealed class CampaignRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Segment_AnyOfMember_IsTakenOnlyFromItsFirstTagPartition()
    {
        var segment = new Segment(AnyOf: ["VIP", "buyers"], NoneOf: ["churned"], Countries: ["mx"]).Normalized();
        var both = Member(["vip", "buyers"]);

        Assert.Equal(["vip", "buyers"], SegmentMatcher.DrivingPartitions(segment));
        Assert.True(SegmentMatcher.Matches(segment, both, 0));
        Assert.False(SegmentMatcher.Matches(segment, both, 1));
        Assert.True(SegmentMatcher.Matches(segment, Member(["buyers"]), 1));
        Assert.False(SegmentMatcher.Matches(segment, Member(["vip", "churned"]), 0));
        Assert.False(SegmentMatcher.Matches(segment, Member(["vip"], "US"), 0));
    }

    [Fact]
    public void Segment_WithoutPositiveTags_ReadsTheAllContactsPartition() =>
        Assert.Equal([TagKeys.AllContactsPartition], SegmentMatcher.DrivingPartitions(Segment.Everyone.Normalized()));

    [Theory]
    [InlineData(CampaignState.Running, CampaignCommand.Pause, CampaignState.Paused)]
    [InlineData(CampaignState.Scheduled, CampaignCommand.Pause, CampaignState.Paused)]
    [InlineData(CampaignState.Paused, CampaignCommand.Cancel, CampaignState.Cancelled)]
    [InlineData(CampaignState.Cancelled, CampaignCommand.Cancel, CampaignState.Cancelled)]
    [InlineData(CampaignState.Running, CampaignCommand.Resume, CampaignState.Running)]
    [InlineData(CampaignState.Scheduled, CampaignCommand.Start, CampaignState.Running)]
    [InlineData(CampaignState.Paused, CampaignCommand.Start, CampaignState.Paused)]
    [InlineData(CampaignState.Running, CampaignCommand.FinishFanOut, CampaignState.Running)]
    public void StateMachine_AllowsTheseMoves(CampaignState from, CampaignCommand command, CampaignState to) =>
        Assert.Equal(to, CampaignStateMachine.Apply(Record(from), command, null, Now)!.State);

    [Fact]
    public void StateMachine_ResumeReturnsWhereTheCampaignWas_AndNothingLeavesCancelled()
    {
        Assert.Equal(CampaignState.Scheduled, CampaignStateMachine.Apply(Record(CampaignState.Paused), CampaignCommand.Resume, null, Now)!.State);
        Assert.Equal(CampaignState.Running, CampaignStateMachine.Apply(Record(CampaignState.Paused) with { Started = true, FanOutComplete = true }, CampaignCommand.Resume, null, Now)!.State);
        Assert.Null(CampaignStateMachine.Apply(Record(CampaignState.Cancelled), CampaignCommand.Resume, null, Now));
        Assert.Null(CampaignStateMachine.Apply(Record(CampaignState.Cancelled), CampaignCommand.Pause, null, Now));
    }

    [Fact]
    public void StateMachine_CompletesOnlyARunningCampaignWhoseFanOutFinished_AndNothingLeavesCompleted()
    {
        Assert.Equal(CampaignState.Running, CampaignStateMachine.Apply(Record(CampaignState.Running), CampaignCommand.CompleteSending, null, Now)!.State);
        Assert.Equal(CampaignState.Paused, CampaignStateMachine.Apply(Record(CampaignState.Paused) with { FanOutComplete = true }, CampaignCommand.CompleteSending, null, Now)!.State);
        Assert.Equal(CampaignState.Completed, CampaignStateMachine.Apply(Record(CampaignState.Running) with { FanOutComplete = true }, CampaignCommand.CompleteSending, null, Now)!.State);
        Assert.Null(CampaignStateMachine.Apply(Record(CampaignState.Completed), CampaignCommand.Pause, null, Now));
        Assert.Null(CampaignStateMachine.Apply(Record(CampaignState.Completed), CampaignCommand.Cancel, null, Now));
    }

    [Theory]
    [InlineData(0, 1_000, 80, 0)]
    [InlineData(800, null, 80, 10)]
    [InlineData(1_000, 1_000, 100, 10)]
    [InlineData(2_500, 1_000, 100, (2 * 86_400) + 5)]
    public void LastSendAt_CountsFullDailyWindowsThenThroughput(long eligible, int? limit, int mps, double seconds) =>
        Assert.Equal(Now.AddSeconds(seconds), CampaignForecaster.LastSendAt(Now, eligible, limit, mps));

    [Fact]
    public void Segment_SaysWhomItSelects_OnlyWithASelectorOrAll()
    {
        Assert.False(new Segment().IsExplicit);
        Assert.False(new Segment(NoneOf: ["churned"]).Normalized().IsExplicit);
        Assert.False(new Segment(AnyOf: ["  "]).Normalized().IsExplicit);
        Assert.True(Segment.Everyone.IsExplicit);
        Assert.True(new Segment(NoneOf: ["churned"], All: true).Normalized().IsExplicit);
        Assert.True(new Segment(AnyOf: ["vip"]).Normalized().IsExplicit);
        Assert.True(new Segment(Countries: ["mx"]).Normalized().IsExplicit);
    }

    [Fact]
    public void SendRequest_UsesDefaultsForMissingAttributes_AndPicksTheSameVariantEveryTime()
    {
        var campaign = new CampaignDefinition("c1", "n", CampaignKind.Standard, TemplateCategory.Marketing,
            [new CampaignVariant("a", "t_a", "en_US", 1), new CampaignVariant("b", "t_b", "en_US", 1)],
            Segment.Everyone, [new ParameterMapping("first_name", "there"), new ParameterMapping(null, "SPRING10")],
            null, SendPolicy.Default, ["1", "2"], Now);
        var member = Member(["vip"]);

        var first = SendRequestFactory.Create(campaign, member);
        var again = SendRequestFactory.Create(campaign, member);

        Assert.Equal(["there", "SPRING10"], first.Components.Single().Parameters.Select(p => p.Text));
        Assert.Equal(first.Variant, again.Variant);
        Assert.Equal(first.PhoneNumberId, again.PhoneNumberId);
        var variants = Enumerable.Range(0, 1_000).Select(i => SendRequestFactory.Create(campaign, member with { Phone = $"+5215500{i:D5}" }).Variant).ToArray();
        Assert.InRange(variants.Count(v => v == "a"), 400, 600);
    }

    [Theory]
    [InlineData("Hi {{1}}, {{2}} off until {{3}}", 3)]
    [InlineData("Hi {{first_name}}, your code {{ code }} again {{first_name}}", 2)]
    [InlineData("No parameters", 0)]
    public void TemplateBody_CountsDistinctPlaceholders(string body, int count) =>
        Assert.Equal(count, TemplateBody.CountParameters(body));

    private static AudienceMember Member(string[] tags, string country = "MX") =>
        new("+5215512345678", country, tags, new Dictionary<string, string>());

    private static CampaignRecord Record(CampaignState state) => new(
        new CampaignDefinition("c1", "n", CampaignKind.Standard, TemplateCategory.Marketing, [new CampaignVariant("a", "t", "en")],
            Segment.Everyone, [], null, SendPolicy.Default, [], Now),
        state, null, false, false, FanOutTotals.Zero, Now);
}
