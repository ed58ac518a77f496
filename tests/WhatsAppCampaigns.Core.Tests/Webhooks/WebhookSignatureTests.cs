using System.Text;
using WhatsAppCampaigns.Core.Webhooks;

namespace WhatsAppCampaigns.Core.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\"}");

    [Fact]
    public void IsValid_SignatureOfTheRawBody_IsAccepted() =>
        Assert.True(WebhookSignature.IsValid(Body, WebhookSignature.Compute(Body, "secret"), "secret"));

    [Fact]
    public void IsValid_UppercaseHex_IsAccepted() =>
        Assert.True(WebhookSignature.IsValid(Body, "sha256=" + WebhookSignature.Compute(Body, "secret")[7..].ToUpperInvariant(), "secret"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=abc")]
    [InlineData("sha256=zz")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    public void IsValid_MissingOrMalformedOrWrong_IsRefused(string? header) => Assert.False(WebhookSignature.IsValid(Body, header, "secret"));

    [Fact]
    public void IsValid_OverAModifiedBody_IsRefused()
    {
        var signature = WebhookSignature.Compute(Body, "secret");
        var modified = Encoding.UTF8.GetBytes("{\"object\": \"whatsapp_business_account\"}");
        Assert.False(WebhookSignature.IsValid(modified, signature, "secret"));
    }

    [Fact]
    public void IsValid_WithoutAConfiguredSecret_RefusesEverything() =>
        Assert.False(WebhookSignature.IsValid(Body, WebhookSignature.Compute(Body, ""), ""));
}
