using WhatsAppCampaigns.Core.Sending.Quota;

namespace WhatsAppCampaigns.Core.Tests.Sending;

public sealed class QuotaWindowTests
{
    private static readonly TimeSpan Bucket = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 2, 0, TimeSpan.Zero);

    [Fact]
    public void Slot_IsHeldUntilItsBucketEndsPlusTheWindow_NeverEarlierThanTheSendPlusTheWindow()
    {
        var window = new QuotaWindow(Bucket, Day);
        var bucket = window.BucketOf(Now);
        window.Add(bucket, 3);

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 15, 5, 0, TimeSpan.Zero), window.ReleaseOf(bucket));
        Assert.False(window.Prune(Now + Day));
        Assert.Equal(3, window.Used);
        Assert.True(window.Prune(window.ReleaseOf(bucket)));
        Assert.Equal(0, window.Used);
    }

    [Fact]
    public void ParseFormat_RoundTrips_AndBucketsNeverGoNegative()
    {
        var window = QuotaWindow.Parse("100:2,101:5", Bucket, Day);
        window.Add(100, -5);

        Assert.Equal("101:5", window.Format());
        Assert.Equal(5, QuotaWindow.Parse(window.Format(), Bucket, Day).Used);
    }

    [Fact]
    public void ReleaseOfNth_CountsSlotsOldestFirst()
    {
        var window = new QuotaWindow(Bucket, Day);
        window.Add(200, 2);
        window.Add(201, 3);

        Assert.Equal(window.ReleaseOf(200), window.ReleaseOfNth(2));
        Assert.Equal(window.ReleaseOf(201), window.ReleaseOfNth(3));
        Assert.Null(window.ReleaseOfNth(6));
    }
}
