using WhatsAppCampaigns.Core.Observability;

namespace WhatsAppCampaigns.Core.Tests.Observability;

public sealed class PhoneMaskTests
{
    [Fact]
    public void Mask_KeepsOnlyCountryPrefixAndLastDigits()
    {
        var masked = PhoneMask.Mask("+5215512345678");
        Assert.Equal("+52***78", masked);
        Assert.DoesNotContain("551234", masked);
    }

    [Fact]
    public void Fingerprint_IsStableAndDoesNotContainTheNumber()
    {
        Assert.Equal(PhoneMask.Fingerprint("+6281234567890"), PhoneMask.Fingerprint("+6281234567890"));
        Assert.DoesNotContain("81234", PhoneMask.Fingerprint("+6281234567890"));
    }
}
