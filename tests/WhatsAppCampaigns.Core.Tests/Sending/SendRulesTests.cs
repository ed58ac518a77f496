using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Sending.Policy;
using WhatsAppCampaigns.Core.Sending.Recipients;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Tests.Sending;

public sealed class SendRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private static SendRequest Request(TemplateCategory category, int capMessages = 1) =>
        new("c1", "+5215512340001", "promo", "es_MX", category, [], new SendPolicy(null, null, capMessages, TimeSpan.FromHours(24)));

    [Fact]
    public void FrequencyCap_MarketingWithinWindow_EndsWhenEnoughRecentSendsAreADayOld()
    {
        var activity = RecipientActivity.New("+5215512340001") with { MarketingSends = [Now.AddHours(-30), Now.AddHours(-20), Now.AddHours(-2)] };

        Assert.Equal(Now.AddHours(22), RecipientReservations.FrequencyCapEnds(Request(TemplateCategory.Marketing), activity, Now));
        Assert.Equal(Now.AddHours(4), RecipientReservations.FrequencyCapEnds(Request(TemplateCategory.Marketing, 2), activity, Now));
        Assert.Null(RecipientReservations.FrequencyCapEnds(Request(TemplateCategory.Marketing, 3), activity, Now));
        Assert.Null(RecipientReservations.FrequencyCapEnds(Request(TemplateCategory.Utility), activity, Now));
    }

    [Fact]
    public void Guardrails_PauseOnlyAfterTheMinimumSample()
    {
        var settings = new SenderOptions { GuardrailMinimumSample = 100, GuardrailMaxOptOutRate = 0.02, GuardrailMaxFailureRate = 0.1 };

        Assert.Null(CampaignGuardrails.Breach(Funnel(("delivered", 50), ("failed", 40)), settings));
        Assert.Equal("guardrail_opt_out_rate", CampaignGuardrails.Breach(Funnel(("delivered", 200), ("failed", 5), ("failed_131050", 5)), settings));
        Assert.Equal("guardrail_failure_rate", CampaignGuardrails.Breach(Funnel(("delivered", 150), ("failed", 30)), settings));
        Assert.Equal("guardrail_opt_out_rate", CampaignGuardrails.Breach(Funnel(("delivered", 200), ("opted_out_after", 5)), settings));
        Assert.Null(CampaignGuardrails.Breach(Funnel(("delivered", 500), ("failed", 10), ("opted_out_after", 3)), settings));
    }

    [Fact]
    public void PhoneNumberPool_KeepsARecipientOnOneNumber()
    {
        string[] pool = ["111", "222", "333"];
        var picked = PhoneNumberPool.Choose("+5215512340001", null, null, pool);

        Assert.Equal(picked, PhoneNumberPool.Choose("+5215512340001", null, null, pool));
        Assert.Equal("222", PhoneNumberPool.Choose("+5215512340001", null, "222", pool));
        Assert.Equal("999", PhoneNumberPool.Choose("+5215512340001", "999", "222", pool));
        Assert.Equal(pool.Length, Enumerable.Range(0, 60).Select(i => PhoneNumberPool.Choose($"+52155{i:D8}", null, null, pool)).Distinct().Count());
    }

    [Fact]
    public async Task Defer_BeyondTheQueuesSevenDays_IsCappedAndKeepsItsNotBefore()
    {
        var queue = new Mock<ISendQueue>();
        var deferrals = new Deferrals(queue.Object, new FakeTimeProvider(Now), NullLogger<Deferrals>.Instance);

        await deferrals.DeferAsync(Request(TemplateCategory.Marketing), Now.AddDays(10), "test", CancellationToken.None, countsAsFailure: true);

        queue.Verify(q => q.EnqueueAsync(
            It.Is<SendRequest>(r => r.NotBefore == Now.AddDays(10) && r.Attempt == 1),
            Deferrals.MaxVisibilityDelay,
            It.IsAny<CancellationToken>()));
    }

    private static CampaignFunnel Funnel(params (string Name, long Value)[] counters) =>
        new("c1", counters.ToDictionary(c => c.Name, c => c.Value));
}
