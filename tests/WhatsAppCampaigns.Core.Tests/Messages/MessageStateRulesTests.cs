using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.Core.Tests.Messages;

public sealed class MessageStateRulesTests
{
    [Theory]
    [InlineData(MessageState.Claimed, MessageState.Accepted, true)]
    [InlineData(MessageState.Accepted, MessageState.Sent, true)]
    [InlineData(MessageState.Sent, MessageState.Read, true)]
    [InlineData(MessageState.Read, MessageState.Delivered, false)]
    [InlineData(MessageState.Delivered, MessageState.Sent, false)]
    [InlineData(MessageState.Delivered, MessageState.Delivered, false)]
    [InlineData(MessageState.Sent, MessageState.Failed, true)]
    [InlineData(MessageState.Delivered, MessageState.Failed, false)]
    [InlineData(MessageState.Failed, MessageState.Read, false)]
    [InlineData(MessageState.Claimed, MessageState.Pending, true)]
    [InlineData(MessageState.Accepted, MessageState.Pending, false)]
    [InlineData(MessageState.Claimed, MessageState.Skipped, true)]
    [InlineData(MessageState.Accepted, MessageState.Skipped, false)]
    [InlineData(MessageState.Skipped, MessageState.Claimed, false)]
    public void CanMoveTo_OnlyForward(MessageState from, MessageState to, bool allowed) =>
        Assert.Equal(allowed, from.CanMoveTo(to));

    [Fact]
    public void CallbackData_RoundTrips_EvenWithSeparatorsInCampaignId()
    {
        var key = new MessageKey("cart:abc|1", "+5215512345678");

        Assert.True(MessageKey.TryParseCallbackData(key.ToCallbackData(), out var parsed));
        Assert.Equal(key, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-separator")]
    [InlineData("|+52155")]
    [InlineData("campaign|")]
    public void CallbackData_NotOurs_IsRejected(string? value) =>
        Assert.False(MessageKey.TryParseCallbackData(value, out _));
}
