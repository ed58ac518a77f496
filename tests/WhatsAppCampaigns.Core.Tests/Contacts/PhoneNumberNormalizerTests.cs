using WhatsAppCampaigns.Core.Contacts;

namespace WhatsAppCampaigns.Core.Tests.Contacts;

public sealed class PhoneNumberNormalizerTests
{
    [Theory]
    [InlineData("+52 55 1234 5678", null, "+525512345678", "MX")]
    [InlineData("5512345678", "mx", "+525512345678", "MX")]
    [InlineData("6281234567890", null, "+6281234567890", "ID")]
    [InlineData("+55 11 91234-5678", null, "+5511912345678", "BR")]
    [InlineData("+34 612 34 56 78", null, "+34612345678", "ES")]
    public void TryNormalize_MobileNumbers_GivesE164AndCountry(string raw, string? country, string e164, string region)
    {
        Assert.True(PhoneNumberNormalizer.TryNormalize(raw, country, out var phone));
        Assert.Equal((e164, region), (phone!.E164, phone.Country));
    }

    [Theory]
    [InlineData("+12025550123x")]
    [InlineData("+34 912 34 56 78")]
    [InlineData("12345")]
    [InlineData("not-a-number")]
    [InlineData("")]
    public void TryNormalize_NotAValidMobile_IsRefused(string raw)
    {
        Assert.False(PhoneNumberNormalizer.TryNormalize(raw, null, out _));
    }

    [Theory]
    [InlineData("5215512345678", "+525512345678")]
    [InlineData("551181234567", "+5511981234567")]
    [InlineData("6281234567890", "+6281234567890")]
    public void FromWhatsAppId_MapsWhatsAppsOwnFormsToTheContactsE164(string waId, string e164)
    {
        Assert.True(PhoneNumberNormalizer.TryFromWhatsAppId(waId, out var phone));
        Assert.Equal(e164, phone);
    }
}
