using System.Net;
using Microsoft.DurableTask.Client;
using WhatsAppCampaigns.IntegrationTests.UserPaths;

namespace WhatsAppCampaigns.IntegrationTests.Restarts;

/// <summary>A command on a campaign whose orchestration is gone is refused with a code, and changes nothing.</summary>
public sealed class OrchestrationGoneTests
{
    [Fact]
    public async Task PauseResumeCancel_OnAScheduledCampaignWithoutItsOrchestration_Are409OrchestrationMissing_AndChangeNothing()
    {
        await using var stack = await LocalStack.StartAsync();
        await stack.SeedOptedInAsync(3, "gone");
        var body = $$"""
            {"name":"gone","template":{"name":"cart_reminder","language":"es_MX"},"audience":{"anyOf":["gone"]},
             "parameters":[{"attribute":"first_name"},{"attribute":"item"}],"startAt":"{{DateTimeOffset.UtcNow.AddHours(2):O}}"}
            """;
        var launched = await stack.Http.PostJsonAsync("/api/campaigns", body);
        Assert.Equal(HttpStatusCode.Accepted, launched.StatusCode);
        var id = (await launched.JsonAsync()).GetProperty("id").GetString()!;
        var durable = stack.Runner.Get<DurableTaskClient>();
        await LocalStack.WaitForAsync(() => durable.GetInstanceAsync(id), i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Running, TimeSpan.FromMinutes(2), "the orchestration waiting for the start");

        // While the orchestration lives, a pause is obeyed (and a resume undoes it).
        Assert.Equal(HttpStatusCode.OK, (await stack.Http.PostAsync($"/api/campaigns/{id}/pause", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.Http.PostAsync($"/api/campaigns/{id}/resume", null)).StatusCode);

        // What a lost backend leaves: the campaign row, and no orchestration.
        await durable.TerminateInstanceAsync(id);
        await LocalStack.WaitForAsync(() => durable.GetInstanceAsync(id), i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Terminated, TimeSpan.FromMinutes(2), "the orchestration terminated");
        await durable.PurgeInstanceAsync(id);
        Assert.Null(await durable.GetInstanceAsync(id));

        foreach (var command in new[] { "pause", "resume", "cancel" })
        {
            var response = await stack.Http.PostAsync($"/api/campaigns/{id}/{command}", null);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("orchestration_missing", (await response.JsonAsync()).GetProperty("code").GetString());
        }

        Assert.Equal("scheduled", (await stack.ViewAsync(id)).GetProperty("state").GetString());
    }
}
