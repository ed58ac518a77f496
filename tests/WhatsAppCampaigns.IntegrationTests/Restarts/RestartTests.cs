namespace WhatsAppCampaigns.IntegrationTests.Restarts;

/// <summary>
/// The local stack survives its parts dying: the runner killed with SIGKILL in the fan-out, in the wait for
/// <c>startAt</c> and in the sending, and Azurite restarted mid-campaign. Every campaign still completes, and the
/// simulator's ledger shows each recipient messaged exactly once. Deadlines are generous: after a kill, work the dead
/// runner held comes back only when its leases run out (30 s queues, 15 s partitions, 30 s + 30 s send claims).
/// </summary>
public sealed class RestartTests
{
    [Fact]
    public async Task RunnerKilledInTheFanOut_AndAgainWhileSending_CampaignCompletes_EachRecipientOnce()
    {
        await using var stack = await RestartStack.StartAsync();
        var phones = await stack.SeedOptedInAsync(40, "fanout");
        var id = await stack.LaunchAsync("fanout");

        // Pages of two: the fan-out takes twenty activities, so it is caught half done.
        var midFanOut = await stack.WaitForAsync(
            () => stack.ViewAsync(id),
            v => v.GetProperty("progress").GetProperty("enqueued").GetInt64() > 0 || v.GetProperty("fanOutComplete").GetBoolean(),
            TimeSpan.FromMinutes(2),
            "the fan-out under way");
        await stack.Runner.KillAsync();
        Assert.False(midFanOut.GetProperty("fanOutComplete").GetBoolean(), $"the fan-out finished before the kill: {midFanOut}");
        await stack.Runner.StartAsync();

        // Three messages a second: the sending is caught part way.
        await stack.WaitForAsync(() => Task.FromResult(stack.Simulator.Ledger.Count), n => n >= 10, TimeSpan.FromMinutes(3), "ten messages sent");
        var sentBeforeKill = stack.Simulator.Ledger.Count;
        await stack.Runner.KillAsync();
        Assert.True(sentBeforeKill < phones.Length, $"everything was sent before the kill ({sentBeforeKill})");
        await stack.Runner.StartAsync();

        await stack.AssertCompletedOnceEachAsync(id, phones);
    }

    [Fact]
    public async Task RunnerKilledWhileTheCampaignWaitsForItsStart_StartsAfterTheRestart_EachRecipientOnce()
    {
        await using var stack = await RestartStack.StartAsync();
        var phones = await stack.SeedOptedInAsync(12, "later");
        var startAt = DateTimeOffset.UtcNow.AddSeconds(25);
        var id = await stack.LaunchAsync("later", startAt);

        // The orchestration has begun and sleeps on its durable timer; the runner dies before the timer is due and
        // stays down past it.
        await stack.WaitForAsync(() => stack.ViewAsync(id), v => v.GetProperty("state").GetString() == "scheduled", TimeSpan.FromMinutes(1), "the campaign scheduled");
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stack.Runner.KillAsync();
        while (DateTimeOffset.UtcNow < startAt + TimeSpan.FromSeconds(5))
        {
            await Task.Delay(500);
        }

        Assert.Equal(0, stack.Simulator.Ledger.Count);
        await stack.Runner.StartAsync();

        await stack.AssertCompletedOnceEachAsync(id, phones);
        Assert.All(stack.Simulator.Ledger.Entries, e => Assert.True(e.AcceptedAt >= startAt, $"sent at {e.AcceptedAt}, before the start {startAt}"));
    }

    [Fact]
    public async Task AzuriteRestartedMidCampaign_LosesNothing_EachRecipientOnce()
    {
        await using var stack = await RestartStack.StartAsync();
        var phones = await stack.SeedOptedInAsync(30, "storage");
        var id = await stack.LaunchAsync("storage");

        await stack.WaitForAsync(() => Task.FromResult(stack.Simulator.Ledger.Count), n => n >= 5, TimeSpan.FromMinutes(3), "five messages sent");
        await stack.Azurite.RestartAsync();

        await stack.AssertCompletedOnceEachAsync(id, phones);
        var contact = await stack.Http.GetAsync($"/api/contacts/{Uri.EscapeDataString(phones[^1])}");
        Assert.Equal(System.Net.HttpStatusCode.OK, contact.StatusCode);
    }
}
