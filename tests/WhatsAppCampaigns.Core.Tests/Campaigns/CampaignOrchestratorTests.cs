using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;
using WhatsAppCampaigns.Core.Campaigns.Testing;

namespace WhatsAppCampaigns.Core.Tests.Campaigns;

/// <summary>The orchestrator against a mocked context: one RunAsync call is one generation.</summary>
public sealed class CampaignOrchestratorTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// The bound: with P pages per generation, a generation's history holds at most 4·P + 12 events (P = 20: 92),
    /// plus at most 6 per retried activity attempt. It depends on P only, never on the audience size.
    /// </summary>
    [Theory]
    [InlineData(100_000, 500, 20)]
    [InlineData(10_000, 500, 20)]
    [InlineData(100_000, 1_000, 5)]
    public async Task History_OfEveryGeneration_StaysUnderABoundThatIgnoresAudienceSize(int recipients, int pageSize, int pagesPerGeneration)
    {
        var fake = new OrchestrationContextFake(recipients, pageSize, Now);
        var input = new CampaignRunInput("c1", null, pagesPerGeneration);
        var bound = (4 * pagesPerGeneration) + 12;
        var generations = 0;
        var maxHistory = 0;
        CampaignRunStatus result;
        while (true)
        {
            fake.ResetCounts();
            result = await new CampaignOrchestrator().RunAsync(fake.Mock.Object, input);
            generations++;
            maxHistory = Math.Max(maxHistory, fake.HistoryEvents);
            Assert.True(fake.HistoryEvents <= bound, $"generation {generations}: {fake.HistoryEvents} events > {bound}");
            if (fake.ContinuedWith is null)
            {
                break;
            }

            Assert.Equal(input.Generation + 1, fake.ContinuedWith.Generation);
            input = fake.ContinuedWith;
        }

        var pages = (recipients + pageSize - 1) / pageSize;
        Assert.Equal((pages + pagesPerGeneration - 1) / pagesPerGeneration, generations);
        Assert.Equal(recipients, result.Totals.Enqueued);
        Assert.Equal(pages, result.Totals.Pages);
        Assert.Equal("Completed", result.State);
    }

    [Fact]
    public async Task ScheduledStart_WaitsOnTheTimer_ThenStarts()
    {
        var fake = new OrchestrationContextFake(10, 500, Now);
        var run = new CampaignOrchestrator().RunAsync(fake.Mock.Object, new CampaignRunInput("c1", Now.AddHours(2), 20));

        Assert.False(run.IsCompleted);
        Assert.Equal("Scheduled", fake.Statuses[^1].State);
        Assert.Equal(1, fake.Timers);
        Assert.Empty(fake.Called);
        fake.Timer.SetResult();
        var result = await run;

        Assert.Equal([CampaignTaskNames.StartActivity, CampaignTaskNames.FinishActivity], fake.Called);
        Assert.Equal(10, result.Totals.Enqueued);
    }

    [Fact]
    public async Task CancelBeforeTheStart_FinishesCancelled_WithoutFanningOut()
    {
        var fake = new OrchestrationContextFake(10, 500, Now);
        var run = new CampaignOrchestrator().RunAsync(fake.Mock.Object, new CampaignRunInput("c1", Now.AddHours(2), 20));

        fake.Signal(CampaignSignals.Cancel);
        var result = await run;

        Assert.Equal("Cancelled", result.State);
        Assert.Equal([CampaignTaskNames.FinishActivity], fake.Called);
        Assert.Equal(0, result.Totals.Pages);
    }

    [Fact]
    public async Task PausedInput_WaitsForResume_ThenFansOut()
    {
        var fake = new OrchestrationContextFake(1_000, 500, Now);
        var run = new CampaignOrchestrator().RunAsync(fake.Mock.Object, new CampaignRunInput("c1", null, 20, Started: true, Paused: true));

        Assert.False(run.IsCompleted);
        Assert.Equal("Paused", fake.Statuses[^1].State);
        Assert.Equal(0, fake.Activities);
        fake.Signal(CampaignSignals.Resume);
        var result = await run;

        Assert.Equal(1_000, result.Totals.Enqueued);
        Assert.Equal("Completed", result.State);
    }

    [Fact]
    public async Task VariantTest_SendsTheSample_WaitsTheWindow_Decides_ThenSendsTheWinnerToTheRest()
    {
        var fake = new OrchestrationContextFake(1_000, 500, Now);
        var input = new CampaignRunInput("c1", null, 20) { Phase = FanOutPhases.Sample, TestWindow = TimeSpan.FromHours(4) };
        var run = new CampaignOrchestrator().RunAsync(fake.Mock.Object, input);

        Assert.False(run.IsCompleted);
        Assert.Equal([Now.AddHours(4)], fake.TimerAt);
        Assert.All(fake.Pages, p => Assert.Equal((FanOutPhases.Sample, (string?)null), (p.Phase, p.Winner)));
        Assert.Equal(2, fake.Pages.Count);
        fake.Timer.SetResult();
        var result = await run;

        Assert.Equal([CampaignTaskNames.StartActivity, CampaignTaskNames.DecideActivity, CampaignTaskNames.FinishActivity], fake.Called);
        Assert.Equal([0, 1, 2, 3], fake.Pages.Select(p => p.Page));
        Assert.All(fake.Pages.Skip(2), p => Assert.Equal((FanOutPhases.Rest, "b"), (p.Phase, p.Winner)));
        Assert.Equal("Completed", result.State);
    }

    [Fact]
    public async Task VariantTest_WinnerSignal_EndsTheWindowEarly()
    {
        var fake = new OrchestrationContextFake(1_000, 500, Now);
        var run = new CampaignOrchestrator().RunAsync(fake.Mock.Object, new CampaignRunInput("c1", null, 20) { Phase = FanOutPhases.Sample, TestWindow = TimeSpan.FromHours(4) });

        fake.Decision = fake.Decision with { Winner = "a", Outcome = TestOutcomes.PickedManually };
        fake.Signal(CampaignSignals.Winner);
        await run;

        Assert.Contains(fake.Pages, p => p is { Phase: FanOutPhases.Rest, Winner: "a" });
    }

    [Fact]
    public async Task VariantTest_EveryVariantDropped_FinishesWithoutTheRest()
    {
        var fake = new OrchestrationContextFake(1_000, 500, Now) { Decision = new(null, TestOutcomes.AllDropped, null, [], DateTimeOffset.UnixEpoch) };
        var run = new CampaignOrchestrator().RunAsync(fake.Mock.Object, new CampaignRunInput("c1", null, 20) { Phase = FanOutPhases.Sample, TestWindow = TimeSpan.FromHours(4) });

        fake.Timer.SetResult();
        await run;

        Assert.All(fake.Pages, p => Assert.Equal(FanOutPhases.Sample, p.Phase));
        Assert.Equal(CampaignTaskNames.FinishActivity, fake.Called[^1]);
    }

    [Fact]
    public async Task VariantTest_CancelDuringTheWindow_FinishesCancelled_WithoutDeciding()
    {
        var fake = new OrchestrationContextFake(1_000, 500, Now);
        var run = new CampaignOrchestrator().RunAsync(fake.Mock.Object, new CampaignRunInput("c1", null, 20) { Phase = FanOutPhases.Sample, TestWindow = TimeSpan.FromHours(4) });

        fake.Signal(CampaignSignals.Cancel);
        var result = await run;

        Assert.Equal("Cancelled", result.State);
        Assert.DoesNotContain(CampaignTaskNames.DecideActivity, fake.Called);
    }

    [Fact]
    public async Task VariantTest_WinnerPickedBeforeTheScheduledStart_DoesNotStartEarly_AndSkipsTheWindow()
    {
        var fake = new OrchestrationContextFake(1_000, 500, Now);
        var run = new CampaignOrchestrator().RunAsync(fake.Mock.Object, new CampaignRunInput("c1", Now.AddHours(2), 20) { Phase = FanOutPhases.Sample, TestWindow = TimeSpan.FromHours(4) });

        fake.Signal(CampaignSignals.Winner);

        Assert.False(run.IsCompleted);
        Assert.Empty(fake.Pages);
        fake.Timer.SetResult();
        await run;
        Assert.Equal([Now.AddHours(2)], fake.TimerAt); // no window timer: the pick ended it
        Assert.Contains(fake.Pages, p => p is { Phase: FanOutPhases.Rest, Winner: "b" });
    }
}
