using System.Net;
using System.Text.Json;

namespace WhatsAppCampaigns.IntegrationTests.UserPaths;

/// <summary>Pause, resume and the campaign view on the local runner with the simulator, as a user drives them.</summary>
public sealed class CampaignControlUserPathTests
{
    [Fact]
    public async Task ResumeAfterAPauseMidSend_SendsTheHeldMessagesAtOnce_NotAfterTheHoldDelay()
    {
        // Two messages a second, and a hold delay far longer than the deadline below: only the resume's release can make it.
        await using var stack = await LocalStack.StartAsync(new Dictionary<string, string?>
        {
            ["Account:MessagesPerSecond"] = "2",
            ["Sender:HoldDelay"] = "00:30:00",
        });
        var phones = await stack.SeedOptedInAsync(30, "pausers");
        var id = await stack.LaunchAsync("pausers");
        await LocalStack.WaitForAsync(() => Task.FromResult(stack.Simulator.Ledger.Count), n => n >= 3, TimeSpan.FromMinutes(3), "the first sends");

        Assert.Equal(HttpStatusCode.OK, (await stack.Http.PostAsync($"/api/campaigns/{id}/pause", null)).StatusCode);
        var paused = await LocalStack.WaitForAsync(() => stack.ViewAsync(id), v => Waiting(v, "paused") > 0, TimeSpan.FromMinutes(3), "messages held while paused");
        Assert.Equal("paused", paused.GetProperty("state").GetString());

        Assert.Equal(HttpStatusCode.OK, (await stack.Http.PostAsync($"/api/campaigns/{id}/resume", null)).StatusCode);
        await LocalStack.WaitForAsync(() => Task.FromResult(stack.Simulator.Ledger.Count), n => n >= phones.Length, TimeSpan.FromMinutes(5), "every held message sent after the resume");

        Assert.All(phones, phone => Assert.Equal(1, stack.Simulator.Ledger.CountTo(phone)));
        var done = await LocalStack.WaitForAsync(() => stack.ViewAsync(id), v => v.GetProperty("state").GetString() == "completed", TimeSpan.FromMinutes(2), "the campaign completing");
        Assert.True(done.GetProperty("sending").GetProperty("complete").GetBoolean());
        Assert.Equal(0, done.GetProperty("sending").GetProperty("pending").GetInt64());
    }

    [Fact]
    public async Task MessagingLimitReached_TheViewSaysWhatWaitsAndUntilWhen_AndTheCampaignIsNotCompleted()
    {
        await using var stack = await LocalStack.StartAsync(new Dictionary<string, string?> { ["Account:MessagingLimit"] = "5" });
        await stack.SeedOptedInAsync(12, "limited");
        var launchedAt = DateTimeOffset.UtcNow;
        var id = await stack.LaunchAsync("limited");

        // The first deferrals look again within seconds (another instance may hand back unused slots), then wait for the window.
        var view = await LocalStack.WaitForAsync(
            () => stack.ViewAsync(id),
            v => Waiting(v, "messaging_limit") == 7 && NextAttempt(v, "messaging_limit") > launchedAt + TimeSpan.FromHours(23),
            // Generous: on a machine loaded enough that storage calls time out, a sender's claim can stand until its
            // takeover (Sender:ClaimStaleAfter + TakeoverGrace, 5 minutes).
            TimeSpan.FromMinutes(8),
            "seven recipients waiting a day for the messaging limit");

        Assert.Equal(5, stack.Simulator.Ledger.Count);
        Assert.Equal("running", view.GetProperty("state").GetString());
        Assert.True(view.GetProperty("fanOutComplete").GetBoolean());
        var sending = view.GetProperty("sending");
        Assert.False(sending.GetProperty("complete").GetBoolean());
        Assert.Equal(7, sending.GetProperty("pending").GetInt64());
        Assert.True(NextAttempt(view, "messaging_limit") < launchedAt + TimeSpan.FromHours(25));
    }

    private static DateTimeOffset? NextAttempt(JsonElement view, string reason) =>
        view.GetProperty("sending").GetProperty("waiting").TryGetProperty(reason, out var w) && w.GetProperty("nextAttemptAt").ValueKind == JsonValueKind.String
            ? w.GetProperty("nextAttemptAt").GetDateTimeOffset()
            : null;

    private static long Waiting(JsonElement view, string reason) =>
        view.GetProperty("sending").GetProperty("waiting").TryGetProperty(reason, out var w) ? w.GetProperty("count").GetInt64() : 0;
}
