using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Consent;

namespace WhatsAppCampaigns.Core.Tests.Consent;

public sealed class ConsentKeywordsTests
{
    private static readonly ConsentKeywords Defaults = new(Options.Create(new ConsentOptions()));

    [Theory]
    [InlineData("STOP")]
    [InlineData(" stop ")]
    [InlineData("Unsubscribe.")]
    [InlineData("opt   out")]
    [InlineData("BAJA")]
    [InlineData("¡Alto!")]
    [InlineData("No más")]
    [InlineData("berhenti")]
    [InlineData("PARAR")]
    [InlineData("Sair")]
    [InlineData("cancelar")]
    public void MatchText_WholeOptOutKeyword_IsOptOut(string text) => Assert.Equal(KeywordIntent.OptOut, Defaults.MatchText(text));

    [Theory]
    [InlineData("stop by the store")]
    [InlineData("please don't stop")]
    [InlineData("hola")]
    [InlineData("")]
    [InlineData(null)]
    public void MatchText_KeywordInsideOtherWords_IsNothing(string? text) => Assert.Equal(KeywordIntent.None, Defaults.MatchText(text));

    [Theory]
    [InlineData("START")]
    [InlineData("alta")]
    [InlineData("Mulai")]
    [InlineData("começar")]
    public void MatchText_OptInKeyword_IsOptIn(string text) => Assert.Equal(KeywordIntent.OptIn, Defaults.MatchText(text));

    [Fact]
    public void ConfiguredLanguage_ReplacesItsDefaults_OthersKeepTheirs()
    {
        var keywords = new ConsentKeywords(Options.Create(new ConsentOptions
        {
            OptOutKeywords = new() { ["en"] = ["ENOUGH"] },
            OptOutButtonPayloads = ["NO_MORE_OFFERS"],
        }));

        Assert.Equal(KeywordIntent.OptOut, keywords.MatchText("enough"));
        Assert.Equal(KeywordIntent.None, keywords.MatchText("unsubscribe"));
        Assert.Equal(KeywordIntent.OptOut, keywords.MatchText("baja"));
        Assert.True(keywords.IsOptOutPayload("no_more_offers"));
        Assert.False(keywords.IsOptOutPayload("OPT_OUT"));
    }

    [Fact]
    public void DefaultPayloads_AreOptOuts() =>
        Assert.All(ConsentKeywordDefaults.OptOutButtonPayloads, p => Assert.True(Defaults.IsOptOutPayload(p)));
}
