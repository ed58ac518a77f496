using WhatsAppCampaigns.Core.Carts;
using WhatsAppCampaigns.Core.Consent;
using static WhatsAppCampaigns.IntegrationTests.Carts.CartTestContext;

namespace WhatsAppCampaigns.IntegrationTests.Carts;

/// <summary>The reminder sequence on a controlled clock: default steps are 1 h and 24 h after the cart's last update.</summary>
public sealed class CartReminderTimelineTests : IAsyncLifetime
{
    private const string Phone = "+525512345678";
    private CartTestContext _carts = null!;

    public async Task InitializeAsync()
    {
        _carts = await StartAsync();
        await _carts.OptInAsync(Phone);
    }

    public async Task DisposeAsync() => await _carts.DisposeAsync();

    [Fact]
    public async Task Reminders_ComeAtOneHourThenTwentyFourHours_ThenStop()
    {
        await _carts.Events.HandleAsync(Updated("c1", Phone, T0), default);

        _carts.At(T0.AddMinutes(59));
        Assert.Equal(0, (await _carts.Job.RunOnceAsync(default)).Enqueued);

        _carts.At(T0.AddHours(1));
        Assert.Equal(1, (await _carts.Job.RunOnceAsync(default)).Enqueued);
        var first = Assert.Single(await _carts.DrainSendsAsync());
        Assert.Equal(("cart:c1:0:0", Phone, "cart_reminder", "es_MX"), (first.CampaignId, first.Recipient, first.TemplateName, first.Language));
        Assert.Equal(["Ana", "Zapatos rojos"], first.Components[0].Parameters.Select(p => p.Text));

        _carts.At(T0.AddHours(1).AddMinutes(1));
        Assert.Equal(0, (await _carts.Job.RunOnceAsync(default)).Enqueued);

        _carts.At(T0.AddHours(24));
        Assert.Equal(1, (await _carts.Job.RunOnceAsync(default)).Enqueued);
        Assert.Equal("cart:c1:0:1", Assert.Single(await _carts.DrainSendsAsync()).CampaignId);

        _carts.At(T0.AddDays(5));
        Assert.Equal(0, (await _carts.Job.RunOnceAsync(default)).DueRead);
    }

    [Fact]
    public async Task Checkout_BeforeTheFirstReminder_SendsNone()
    {
        await _carts.Events.HandleAsync(Updated("c2", Phone, T0), default);
        await _carts.Events.HandleAsync(Ordered("c2", Phone, T0.AddMinutes(30), "o-2"), default);

        _carts.At(T0.AddDays(2));
        await _carts.Job.RunOnceAsync(default);

        Assert.Empty(await _carts.DrainSendsAsync());
        Assert.Equal(CartStatus.Purchased, (await _carts.Core.Get<CartStore>().GetAsync("c2", default)).State!.Status);
    }

    [Fact]
    public async Task Purchase_ArrivingBeforeAnOlderUpdate_IsKept_SoTheUpdateIsStaleAndNoReminderGoes()
    {
        Assert.Equal(CartEventOutcome.Applied, await _carts.Events.HandleAsync(Ordered("c9", Phone, T0.AddMinutes(30), "o-9") with { Customer = null }, default));
        Assert.Equal(CartEventOutcome.Stale, await _carts.Events.HandleAsync(Updated("c9", Phone, T0), default));

        _carts.At(T0.AddDays(2));
        var run = await _carts.Job.RunOnceAsync(default);

        Assert.Equal(0, run.Enqueued);
        Assert.Empty(await _carts.DrainSendsAsync());
        Assert.Equal(CartStatus.Purchased, (await _carts.Core.Get<CartStore>().GetAsync("c9", default)).State!.Status);
    }

    [Fact]
    public async Task UpdateAgain_RestartsTheClock_WithANewSequence()
    {
        await _carts.Events.HandleAsync(Updated("c3", Phone, T0), default);
        await _carts.Events.HandleAsync(Updated("c3", Phone, T0.AddMinutes(50)), default);

        _carts.At(T0.AddHours(1));
        Assert.Equal(0, (await _carts.Job.RunOnceAsync(default)).Enqueued);

        _carts.At(T0.AddMinutes(110));
        await _carts.Job.RunOnceAsync(default);
        Assert.Equal("cart:c3:1:0", Assert.Single(await _carts.DrainSendsAsync()).CampaignId);
    }

    [Fact]
    public async Task OptOut_StopsTheSequence()
    {
        await _carts.Events.HandleAsync(Updated("c4", Phone, T0), default);
        await _carts.Consent.RecordAsync(Phone, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedOut, "whatsapp_keyword", T0.AddMinutes(10), "STOP"));

        _carts.At(T0.AddHours(1));
        var run = await _carts.Job.RunOnceAsync(default);

        Assert.Equal((0, 1), (run.Enqueued, run.Stopped));
        Assert.Empty(await _carts.DrainSendsAsync());
        var cart = (await _carts.Core.Get<CartStore>().GetAsync("c4", default)).State!;
        Assert.Equal((CartStatus.Stopped, "opted_out"), (cart.Status, cart.StopReason));
    }

    [Fact]
    public async Task Reply_AfterTheUpdate_StopsTheSequence()
    {
        await _carts.Events.HandleAsync(Updated("c5", Phone, T0), default);
        await _carts.Conversations.RecordInboundAsync(Phone, T0.AddMinutes(30));

        _carts.At(T0.AddHours(1));
        await _carts.Job.RunOnceAsync(default);

        Assert.Empty(await _carts.DrainSendsAsync());
        Assert.Equal("replied", (await _carts.Core.Get<CartStore>().GetAsync("c5", default)).State!.StopReason);
    }

    [Fact]
    public async Task DuplicateAndOutOfOrderEvents_ChangeNothing()
    {
        var update = Updated("c6", Phone, T0.AddMinutes(10));
        Assert.Equal(CartEventOutcome.Applied, await _carts.Events.HandleAsync(update, default));
        Assert.Equal(CartEventOutcome.Duplicate, await _carts.Events.HandleAsync(update, default));
        Assert.Equal(CartEventOutcome.Stale, await _carts.Events.HandleAsync(Updated("c6", Phone, T0), default));

        Assert.Equal(T0.AddMinutes(70), (await _carts.Core.Get<CartStore>().GetAsync("c6", default)).State!.NextDueAt);
    }

    [Fact]
    public async Task NoRecordedOptIn_SendsNothing()
    {
        const string stranger = "+525587654321";
        await _carts.Events.HandleAsync(Updated("c7", stranger, T0), default);

        _carts.At(T0.AddHours(1));
        await _carts.Job.RunOnceAsync(default);

        Assert.Empty(await _carts.DrainSendsAsync());
        Assert.Equal("no_consent", (await _carts.Core.Get<CartStore>().GetAsync("c7", default)).State!.StopReason);
    }
}
