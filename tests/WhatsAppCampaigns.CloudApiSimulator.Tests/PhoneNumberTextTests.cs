using WhatsAppCampaigns.CloudApiSimulator.Scenario;

namespace WhatsAppCampaigns.CloudApiSimulator.Tests;

public sealed class PhoneNumberTextTests
{
    [Theory]
    [InlineData("16505551234", true)]
    [InlineData("17875551234", true)]
    [InlineData("14165551234", false)]
    [InlineData("18765551234", false)]
    [InlineData("5215512345678", false)]
    [InlineData("1650555123", false)]
    public void IsUsNumber_FollowsAreaCodes(string waId, bool expected) =>
        Assert.Equal(expected, PhoneNumberText.IsUsNumber(waId));

    [Fact]
    public void Mask_KeepsOnlyTheLastTwoDigits() =>
        Assert.Equal("***********78", PhoneNumberText.Mask("+52 1 55 1234 5678"));

    [Theory]
    [InlineData("+52 (55) 1234-5678", true)]
    [InlineData("12345", false)]
    [InlineData("+52abc12345678", false)]
    public void IsValid_AcceptsDigitsAndSeparatorsOnly(string to, bool expected) =>
        Assert.Equal(expected, PhoneNumberText.IsValid(to));
}
