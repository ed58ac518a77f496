using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.Api.Campaigns;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.IntegrationTests.Campaigns.TestDoubles;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Campaigns;

/// <summary>Pause, resume, cancel and a scheduled start, through the campaign API, on the real orchestrator.</summary>
public sealed class CampaignControlTests
{
    [Fact]
    public async Task PauseThenResume_StopsTheFanOutBetweenPages_ThenFinishesEachRecipientOnce()
    {
        var queue = new RecordingSendQueue(gated: true);
        await using var harness = await CampaignHarness.StartAsync(queue, pageSize: 200);
        var phones = await harness.SeedContactsAsync(1_000);
        var api = Endpoint(harness);
        var control = harness.Core.Get<ICampaignControl>();

        var id = await harness.LaunchAsync(CampaignHarness.Draft());
        await queue.FirstCallArrived.Task.WaitAsync(TimeSpan.FromMinutes(5)); // the first page is enqueueing
        await AssertStateAsync(await api.PauseAsync(id, harness.Client, default), "paused");
        Assert.Equal(CampaignState.Paused, await control.GetStateAsync(id)); // what senders see, also for queued messages
        queue.OpenGate();
        var paused = await harness.WaitForStatusAsync(id, s => s.State == "Paused");
        await Task.Delay(700);
        Assert.Equal(paused.Totals.Enqueued, queue.Sent.Count); // nothing more while paused
        Assert.True(queue.Sent.Count < phones.Length);

        await AssertStateAsync(await api.ResumeAsync(id, harness.Client, default), "running");
        var done = await harness.WaitForCompletionAsync(id);

        Assert.Equal("Running", done.ReadOutputAs<CampaignRunStatus>()!.State); // fanned out; its messages wait for senders
        Assert.True((await harness.Core.Get<ICampaignStore>().GetAsync(id))!.FanOutComplete);
        CampaignFanOutTests.AssertExactlyOnce(queue, phones);
    }

    [Fact]
    public async Task Cancel_MidRun_EndsTheOrchestrationAndTellsSenders()
    {
        var queue = new RecordingSendQueue(gated: true);
        await using var harness = await CampaignHarness.StartAsync(queue, pageSize: 200);
        await harness.SeedContactsAsync(1_000);
        var api = Endpoint(harness);

        var id = await harness.LaunchAsync(CampaignHarness.Draft());
        await queue.FirstCallArrived.Task.WaitAsync(TimeSpan.FromMinutes(5));
        await AssertStateAsync(await api.CancelAsync(id, harness.Client, default), "cancelled");
        queue.OpenGate();
        var done = await harness.WaitForCompletionAsync(id);

        Assert.Equal("Cancelled", done.ReadOutputAs<CampaignRunStatus>()!.State);
        Assert.True(queue.Sent.Count <= 200, $"{queue.Sent.Count} enqueued after cancel");
        Assert.Equal(CampaignState.Cancelled, await harness.Core.Get<ICampaignControl>().GetStateAsync(id));
        var resume = await api.ResumeAsync(id, harness.Client, default);
        Assert.Equal(StatusCodes.Status409Conflict, await StatusOf(resume));
    }

    [Fact]
    public async Task ScheduledStart_WaitsOnADurableTimer_ThenRuns()
    {
        await using var harness = await CampaignHarness.StartAsync();
        var phones = await harness.SeedContactsAsync(50);
        var startAt = DateTimeOffset.UtcNow.AddSeconds(3);

        var id = await harness.LaunchAsync(CampaignHarness.Draft(startAt: startAt));
        await harness.WaitForStatusAsync(id, s => s.State == "Scheduled");
        await Task.Delay(500);
        Assert.Empty(harness.Queue.Sent);
        Assert.Equal(CampaignState.Scheduled, (await harness.Core.Get<ICampaignStore>().GetAsync(id))!.State);
        var done = await harness.WaitForCompletionAsync(id);

        Assert.True(DateTimeOffset.UtcNow >= startAt);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        CampaignFanOutTests.AssertExactlyOnce(harness.Queue, phones);
        Assert.All(harness.Queue.Sent, s => Assert.Equal(startAt, s.NotBefore));
    }

    [Fact]
    public async Task Get_ReportsStateProgressAndFunnel()
    {
        await using var harness = await CampaignHarness.StartAsync();
        await harness.SeedContactsAsync(30);
        await harness.SeedContactsAsync(5, offset: 100, marketingConsent: false);
        var api = Endpoint(harness);

        var id = await harness.LaunchAsync(CampaignHarness.Draft());
        await harness.WaitForCompletionAsync(id);
        var sent = harness.Queue.Sent.Take(22).ToArray();
        foreach (var request in sent)
        {
            await harness.Ledger.AdvanceSentAsync(new MessageKey(id, request.Recipient), new MessageTransition(MessageState.Sent, DateTimeOffset.UtcNow));
        }

        foreach (var request in sent.Take(2))
        {
            await harness.Ledger.AdvanceSentAsync(new MessageKey(id, request.Recipient), new MessageTransition(MessageState.Failed, DateTimeOffset.UtcNow, ErrorCode: 131026));
        }
        var body = await BodyOf(await api.GetAsync(id, harness.Client, default));

        // Fanned out, 22 of 30 sent: running, with 8 still to send.
        Assert.Equal("running", body.GetProperty("state").GetString());
        Assert.True(body.GetProperty("fanOutComplete").GetBoolean());
        Assert.Equal((22, 8, false), (body.GetProperty("sending").GetProperty("done").GetInt64(), body.GetProperty("sending").GetProperty("pending").GetInt64(), body.GetProperty("sending").GetProperty("complete").GetBoolean()));
        var progress = body.GetProperty("progress");
        Assert.Equal(35, progress.GetProperty("audienceSize").GetInt64());
        Assert.Equal(30, progress.GetProperty("enqueued").GetInt64());
        Assert.Equal(5, progress.GetProperty("skippedByReason").GetProperty(SkipReasons.NoConsent).GetInt64());
        Assert.Equal(22, progress.GetProperty("funnel").GetProperty("sent").GetInt64());
        Assert.Equal(2, progress.GetProperty("funnel").GetProperty("failedByCode").GetProperty("131026").GetInt64());
        Assert.Equal(StatusCodes.Status404NotFound, await StatusOf(await api.GetAsync("nope", harness.Client, default)));

        // The last eight get their outcome: the shard that finishes last signals, and the campaign completes.
        foreach (var request in harness.Queue.Sent.Skip(22))
        {
            await harness.Ledger.AdvanceSentAsync(new MessageKey(id, request.Recipient), new MessageTransition(MessageState.Sent, DateTimeOffset.UtcNow));
        }

        var until = DateTime.UtcNow.AddMinutes(5);
        while ((await harness.Core.Get<ICampaignStore>().GetAsync(id))!.State != CampaignState.Completed)
        {
            Assert.True(DateTime.UtcNow < until, "the campaign did not complete once every message was done");
            await Task.Delay(100);
        }
    }

    internal static CampaignsEndpoint Endpoint(CampaignHarness harness) =>
        ActivatorUtilities.CreateInstance<CampaignsEndpoint>(harness.Core.Provider);

    private static async Task AssertStateAsync(IResult result, string state) =>
        Assert.Equal(state, (await BodyOf(result)).GetProperty("state").GetString());

    internal static async Task<int> StatusOf(IResult result) => (await Execute(result)).Response.StatusCode;

    internal static async Task<JsonElement> BodyOf(IResult result)
    {
        var context = await Execute(result);
        context.Response.Body.Position = 0;
        return JsonDocument.Parse(context.Response.Body).RootElement.Clone();
    }

    private static async Task<HttpContext> Execute(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        return context;
    }
}
