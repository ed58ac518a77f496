using WhatsAppCampaigns.Core.CloudApi;

namespace WhatsAppCampaigns.Core.Tests.CloudApi;

public sealed class GraphErrorClassifierTests
{
    [Theory]
    [InlineData(130429, ErrorClass.RateLimited)]
    [InlineData(131056, ErrorClass.RateLimited)]
    [InlineData(131049, ErrorClass.RateLimited)]
    [InlineData(4, ErrorClass.RateLimited)]
    [InlineData(80007, ErrorClass.RateLimited)]
    [InlineData(131000, ErrorClass.Transient)]
    [InlineData(131016, ErrorClass.Transient)]
    [InlineData(133004, ErrorClass.Transient)]
    [InlineData(131057, ErrorClass.Transient)]
    [InlineData(131050, ErrorClass.RecipientPermanent)]
    [InlineData(131026, ErrorClass.RecipientPermanent)]
    [InlineData(131047, ErrorClass.RecipientPermanent)]
    [InlineData(130472, ErrorClass.RecipientPermanent)]
    [InlineData(130497, ErrorClass.RecipientPermanent)]
    [InlineData(132000, ErrorClass.TemplatePermanent)]
    [InlineData(132001, ErrorClass.TemplatePermanent)]
    [InlineData(132015, ErrorClass.TemplatePermanent)]
    [InlineData(132016, ErrorClass.TemplatePermanent)]
    [InlineData(190, ErrorClass.AuthOrAccount)]
    [InlineData(10, ErrorClass.AuthOrAccount)]
    [InlineData(200, ErrorClass.AuthOrAccount)]
    [InlineData(131005, ErrorClass.AuthOrAccount)]
    [InlineData(368, ErrorClass.AuthOrAccount)]
    [InlineData(131031, ErrorClass.AuthOrAccount)]
    [InlineData(131048, ErrorClass.AuthOrAccount)]
    [InlineData(100, ErrorClass.InvalidRequest)]
    [InlineData(131008, ErrorClass.InvalidRequest)]
    public void Classify_FollowsTheFactSheet(int code, ErrorClass expected) =>
        Assert.Equal(expected, GraphErrorClassifier.Classify(code));

    [Fact]
    public void Classify_UnknownCodeWithServerError_IsTransient() =>
        Assert.Equal(ErrorClass.Transient, GraphErrorClassifier.Classify(999999, httpStatus: 502));

    [Fact]
    public void Create_PerUserMarketingLimit_SuggestsWaitingADay()
    {
        var error = GraphErrorClassifier.Create(131049, "healthy ecosystem");
        Assert.Equal(TimeSpan.FromHours(24), error.RetryAfter);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public void Create_StoppedUser_HasNoRetryDelay()
    {
        var error = GraphErrorClassifier.Create(131050, "stopped");
        Assert.Null(error.RetryAfter);
        Assert.False(error.IsRetryable);
    }

    [Theory]
    [InlineData(1, 6)]
    [InlineData(2, 16)]
    [InlineData(3, 64)]
    public void SuggestedDelay_PairRate_GrowsAsFourToTheAttempt(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), GraphErrorClassifier.SuggestedDelay(131056, attempt));
}
