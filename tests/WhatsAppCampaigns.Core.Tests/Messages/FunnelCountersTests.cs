using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.Core.Tests.Messages;

public sealed class FunnelCountersTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    [Fact]
    public void ReadFirst_CountsEveryStatePassedThrough() =>
        Assert.Equal(["accepted", "sent", "delivered", "read", "done"], FunnelCounters.For(MessageState.Claimed, new MessageTransition(MessageState.Read, At), null));

    [Fact]
    public void DeliveredAfterSent_CountsOnlyDelivered() =>
        Assert.Equal(["delivered"], FunnelCounters.For(MessageState.Sent, new MessageTransition(MessageState.Delivered, At), null));

    [Fact]
    public void Failed_CountsByCode_AndPerVariant() =>
        Assert.Equal(
            ["failed", "failed_131049", "v_B_failed", "v_B_failed_131049"],
            FunnelCounters.For(MessageState.Accepted, new MessageTransition(MessageState.Failed, At, ErrorCode: 131049), "B"));

    [Fact]
    public void Skipped_CountsByReason() =>
        Assert.Equal(["skipped", "skipped_no_consent", "done"], FunnelCounters.For(null, new MessageTransition(MessageState.Skipped, At, Reason: "no-consent"), null));

    [Fact]
    public void OnlyTheFirstOutcome_MakesAMessageDone() =>
        Assert.DoesNotContain("done", FunnelCounters.For(MessageState.Accepted, new MessageTransition(MessageState.Failed, At, ErrorCode: 131026), null));

    [Fact]
    public void ClaimOrRelease_CountsNothing() =>
        Assert.Empty(FunnelCounters.For(MessageState.Claimed, new MessageTransition(MessageState.Pending, At), null));
}
