using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.Core.Carts;
using WhatsAppCampaigns.Core.Journeys;
using WhatsAppCampaigns.Core.Messages;
using Xunit.Abstractions;
using static WhatsAppCampaigns.IntegrationTests.Carts.CartTestContext;

namespace WhatsAppCampaigns.IntegrationTests.Carts;

public sealed class CartReminderConcurrencyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private CartTestContext _carts = null!;

    public async Task InitializeAsync() => _carts = await StartAsync();

    public async Task DisposeAsync() => await _carts.DisposeAsync();

    [Fact]
    public async Task TwoTimerRunsRacing_AdvanceEachCartOnce_AndEnqueueEveryReminder()
    {
        const int carts = 60;
        for (var i = 0; i < carts; i++)
        {
            await _carts.OptInAsync($"+525510{i:D6}");
            await _carts.Events.HandleAsync(Updated($"race-{i}", $"+525510{i:D6}", T0), default);
        }

        _carts.At(T0.AddHours(1));
        // Two "instances": separate job objects over the same storage, as two overlapping timer executions would be.
        var second = ActivatorUtilities.CreateInstance<CartReminderJob>(_carts.Core.Provider);
        await Task.WhenAll(_carts.Job.RunOnceAsync(default), second.RunOnceAsync(default));

        var sends = await _carts.DrainSendsAsync();
        // A reminder may be enqueued by both runs; its message key makes the senders send it once. None is missing.
        Assert.Equal(carts, sends.Select(s => (s.CampaignId, s.Recipient)).Distinct().Count());
        Assert.All(sends, s => Assert.EndsWith(":0:0", s.CampaignId));
        var stats = await _carts.Core.Get<JourneyStats>().ReadAsync(JourneyStep.Cart, DateOnly.FromDateTime(T0.UtcDateTime), DateOnly.FromDateTime(T0.UtcDateTime), default);
        Assert.Equal(carts, stats["reminded_step0"]);

        for (var i = 0; i < carts; i++)
        {
            var cart = (await _carts.Core.Get<CartStore>().GetAsync($"race-{i}", default)).State!;
            Assert.Equal((1, T0.AddHours(24)), (cart.NextStep, cart.NextDueAt));
        }
    }

    [Fact]
    public async Task RunThatCrashesHalfWay_IsCompletedByTheNextRun_WithoutSkipping()
    {
        const int carts = 40;
        for (var i = 0; i < carts; i++)
        {
            await _carts.OptInAsync($"+525520{i:D6}");
            await _carts.Events.HandleAsync(Updated($"crash-{i}", $"+525520{i:D6}", T0), default);
        }

        _carts.At(T0.AddHours(1));
        using (var crash = new CancellationTokenSource(TimeSpan.FromMilliseconds(60)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _carts.Job.RunOnceAsync(crash.Token));
        }

        await _carts.Job.RunOnceAsync(default);

        var keys = (await _carts.DrainSendsAsync()).Select(s => s.CampaignId).Distinct().ToList();
        Assert.Equal(carts, keys.Count);
    }

    /// <summary>The property at a size the suite can afford; the benchmark <c>carts-due</c> measures it with 100,000 carts.</summary>
    [Fact]
    public async Task ManyCartsWaiting_ARunReadsOnlyTheDueOnes()
    {
        const int total = 3_000;
        const int due = 40;
        var cartsToSeed = Enumerable.Range(0, total).Select(i => new CartState(
            $"bulk-{i}", $"+525530{i:D6}", "Ana", [new CartItem("Mochila", 1, 20m)], "MXN", 20m, null, "es_MX",
            UpdatedAt: T0, Sequence: 0, NextStep: 0,
            NextDueAt: i < due ? T0.AddMinutes(-i % 30) : T0.AddHours(1).AddMinutes(i % 1_000),
            Status: CartStatus.Open));
        await _carts.Core.Get<CartStore>().SaveManyAsync(cartsToSeed, default);
        await Parallel.ForAsync(0, due, async (i, _) => await _carts.OptInAsync($"+525530{i:D6}"));

        var run = await _carts.Job.RunOnceAsync(default);
        output.WriteLine($"timer run: {run}");

        Assert.Equal(due, run.DueRead);
        Assert.Equal(due, run.SubjectsRead);
        Assert.Equal(due, run.Enqueued);
    }
}
