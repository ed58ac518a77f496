using WhatsAppCampaigns.Core.Sending.Throughput;

namespace WhatsAppCampaigns.Core.Tests.Sending;

public sealed class ThroughputPaceTests
{
    [Theory]
    [InlineData(80, 76, 39)]
    [InlineData(40, 38, 26)]
    [InlineData(20, 18, 55)] // 19 slots would allow no lateness at all
    [InlineData(10, 8, 125)]
    [InlineData(1000, 950, 51)]
    public void Pace_AtTheDefaultHeadroom_GivesTheseSlotsAndLateness(int limit, int slots, int lateMilliseconds)
    {
        var (perSecond, late) = TableThroughputGate.Pace(limit, 0.95);

        Assert.Equal(slots, perSecond);
        Assert.Equal(lateMilliseconds, (int)late.TotalMilliseconds);
    }

    [Fact]
    public void Pace_ForEveryRate_NeverLetsMoreThanTheLimitIntoASlidingSecond_AndAllowsSomeLateness()
    {
        for (var limit = 3; limit <= 2_000; limit++)
        {
            var (slots, late) = TableThroughputGate.Pace(limit, 0.95);

            Assert.True((slots * (1 + late.TotalSeconds)) + 1 <= limit + 1e-9, $"{limit}/s: {slots} slots, {late.TotalMilliseconds} ms late");
            Assert.True(late >= TableThroughputGate.MinimumLateTolerance, $"{limit}/s: only {late.TotalMilliseconds} ms late allowed");
        }
    }
}
