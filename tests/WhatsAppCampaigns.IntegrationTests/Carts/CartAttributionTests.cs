using WhatsAppCampaigns.Core.Carts;
using WhatsAppCampaigns.Core.Journeys;
using WhatsAppCampaigns.Core.Messages;
using static WhatsAppCampaigns.IntegrationTests.Carts.CartTestContext;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Carts;

/// <summary>Orders are attributed to the last message delivered in the window: a reminder step or a campaign.</summary>
public sealed class CartAttributionTests : IAsyncLifetime
{
    private const string Phone = "+525598765432";
    private CartTestContext _carts = null!;

    public async Task InitializeAsync() => _carts = await StartAsync();

    public async Task DisposeAsync() => await _carts.DisposeAsync();

    private IMessageLedger Ledger => _carts.Core.Get<IMessageLedger>();

    private Task<IReadOnlyDictionary<string, long>> StatsAsync() =>
        _carts.Core.Get<JourneyStats>().ReadAsync(JourneyStep.Cart, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), default);

    private async Task DeliverAsync(string campaignId, DateTimeOffset at)
    {
        var key = new MessageKey(campaignId, Phone);
        await Ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Accepted, at, WamId: "wamid." + campaignId));
        await Ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Delivered, at));
    }

    [Fact]
    public async Task OrderAfterDeliveredSecondReminder_IsRecoveredByStepTwo_OnceDespiteDuplicates()
    {
        await _carts.Events.HandleAsync(Updated("a1", Phone, T0), default);
        await DeliverAsync("cart:a1:0:0", T0.AddHours(1));
        await DeliverAsync("cart:a1:0:1", T0.AddHours(24));

        var order = Ordered("a1", Phone, T0.AddHours(30), "o-1", 59.90m);
        await _carts.Events.HandleAsync(order, default);
        await _carts.Events.HandleAsync(order, default);
        await _carts.Events.HandleAsync(order with { EventId = "redelivered-under-another-id" }, default);

        var stats = await StatsAsync();
        Assert.Equal(1, stats["recovered"]);
        Assert.Equal(1, stats["recovered_step1"]);
        Assert.False(stats.ContainsKey("recovered_step0"));
        Assert.Equal(5990, stats["revenue_step1_MXN"]);
        Assert.Equal(1, (await Ledger.GetFunnelAsync("cart:a1:0:1")).Converted);
        Assert.Equal(5990, (await Ledger.GetFunnelAsync("cart:a1:0:1")).RevenueMinor["MXN"]);
    }

    [Fact]
    public async Task OrderOutsideTheWindow_IsNotAttributed()
    {
        await _carts.Events.HandleAsync(Updated("a2", Phone, T0), default);
        await DeliverAsync("cart:a2:0:0", T0.AddHours(1));

        await _carts.Events.HandleAsync(Ordered("a2", Phone, T0.AddDays(9), "o-2"), default);

        Assert.False((await StatsAsync()).ContainsKey("recovered"));
    }

    [Fact]
    public async Task CampaignDeliveredAfterTheReminder_TakesTheConversion()
    {
        await _carts.Events.HandleAsync(Updated("a3", Phone, T0), default);
        await DeliverAsync("cart:a3:0:0", T0.AddHours(1));
        await DeliverAsync("spring-sale", T0.AddHours(3));

        await _carts.Events.HandleAsync(Ordered("a3", Phone, T0.AddHours(5), "o-3", 100m), default);

        var campaign = await Ledger.GetFunnelAsync("spring-sale");
        Assert.Equal((1, 10000L), (campaign.Converted, campaign.RevenueMinor["MXN"]));
        Assert.False((await StatsAsync()).ContainsKey("recovered"));
    }

    [Fact]
    public async Task ConversionOfAVariantsMessage_CountsForThatVariant()
    {
        var key = new MessageKey("ab-test", Phone);
        await Ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Accepted, T0, Variant: "B"));
        await Ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Read, T0.AddMinutes(5)));

        await _carts.Events.HandleAsync(Ordered("v1", Phone, T0.AddHours(2), "o-v1", 25m), default);

        var variant = (await Ledger.GetFunnelAsync("ab-test")).ForVariant("B");
        Assert.Equal((1, 2500L), (variant.Converted, variant.RevenueMinor["MXN"]));
    }

    [Fact]
    public async Task RecoveredRevenue_PerStep_MatchesTheOrdersSent()
    {
        var expected = new Dictionary<int, long>();
        for (var i = 0; i < 6; i++)
        {
            var cart = $"m{i}";
            var phone = $"+5255400000{i:D2}";
            await _carts.Events.HandleAsync(Updated(cart, phone, T0) with { Customer = new CartCustomer(phone) }, default);
            var step = i % 2;
            var key = new MessageKey($"cart:{cart}:0:{step}", phone);
            await Ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Read, T0.AddHours(1 + (23 * step))));
            var amount = 10m * (i + 1);
            await _carts.Events.HandleAsync(Ordered(cart, phone, T0.AddHours(26), $"o-m{i}", amount) with { Customer = new CartCustomer(phone) }, default);
            expected[step] = expected.GetValueOrDefault(step) + (long)(amount * 100);
        }

        var stats = await StatsAsync();
        Assert.Equal(6, stats["recovered"]);
        Assert.Equal(expected[0], stats["revenue_step0_MXN"]);
        Assert.Equal(expected[1], stats["revenue_step1_MXN"]);
        Assert.Equal(expected[0] + expected[1], stats["revenue_MXN"]);
    }
}
