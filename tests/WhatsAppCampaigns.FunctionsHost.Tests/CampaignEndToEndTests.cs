using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace WhatsAppCampaigns.FunctionsHost.Tests;

/// <summary>
/// One campaign through the Functions app alone: launched over HTTP through the DurableClient binding, orchestrated by
/// invoking the orchestrator and activity functions as the Durable extension does, sent by Sends_Process invocations,
/// its control signals handled by Campaigns_Control.
/// </summary>
[Collection(FunctionsAppCollection.Name)]
public sealed class CampaignEndToEndTests(FunctionsApp app)
{
    private const int Eligible = 300;
    private const int WithoutConsent = 10;

    [Fact]
    public async Task Campaign_ReachesEachEligibleRecipientExactlyOnce_AndCompletesWithTheRightFunnel()
    {
        (await app.Http.PostAsync("/api/templates/sync", null)).EnsureSuccessStatusCode();
        var tag = "fh" + Guid.NewGuid().ToString("N")[..10];
        var start = Random.Shared.Next(10_000_000, 89_000_000);
        var phones = Enumerable.Range(0, Eligible + WithoutConsent).Select(i => $"+5255{start + i}").ToArray();
        var import = await app.Http.PostAsJsonAsync("/api/contacts/import", phones.Select(p => new { phone = p, tags = new[] { tag }, attributes = new { first_name = "Ana", item = "zapatos" } }));
        Assert.Equal(phones.Length, (await import.JsonAsync()).GetProperty("imported").GetInt32());
        await Parallel.ForEachAsync(phones.Take(Eligible), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (phone, _) =>
            (await app.Http.PostConsentAsync(phone, "opted_in")).EnsureSuccessStatusCode());

        var launch = await app.Http.PostAsync("/api/campaigns", new StringContent($$$"""
            {"name":"functions host","template":{"name":"cart_reminder","language":"es_MX"},"audience":{"anyOf":["{{{tag}}}"]},
             "parameters":[{"attribute":"first_name"},{"attribute":"item"}],"quietHours":{"start":null,"end":null}}
            """, Encoding.UTF8, "application/json"));
        Assert.True(launch.StatusCode == HttpStatusCode.Accepted, await launch.Content.ReadAsStringAsync() + "\n" + app.Host.Diagnostics);
        var id = (await launch.JsonAsync()).GetProperty("id").GetString()!;

        // The host's queue listeners, while the campaign runs.
        var view = await WaitForAsync(
            async () =>
            {
                await app.Host.PollQueueAsync("Sends_Process", 32);
                await app.Host.PollQueueAsync("Campaigns_Control", 32);
                return await (await app.Http.GetAsync($"/api/campaigns/{id}")).JsonAsync();
            },
            v => v.GetProperty("state").GetString() == "completed",
            TimeSpan.FromMinutes(3),
            "the campaign completing");

        Assert.All(phones.Take(Eligible), phone => Assert.Equal(1, app.Simulator.Ledger.CountTo(phone)));
        Assert.All(phones.Skip(Eligible), phone => Assert.Equal(0, app.Simulator.Ledger.CountTo(phone)));
        var progress = view.GetProperty("progress");
        Assert.Equal(Eligible + WithoutConsent, progress.GetProperty("audienceSize").GetInt64());
        Assert.Equal(Eligible, progress.GetProperty("enqueued").GetInt64());
        Assert.Equal(WithoutConsent, progress.GetProperty("skipped").GetInt64());
        Assert.Equal(Eligible, progress.GetProperty("funnel").GetProperty("accepted").GetInt64());
        Assert.Equal(0, progress.GetProperty("funnel").GetProperty("failed").GetInt64());
        Assert.Empty(app.Host.DurableFailures);
    }

    private async Task<JsonElement> WaitForAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < until, $"{what} did not happen within {deadline}; last seen: {value}\n{string.Join("\n", app.Host.DurableFailures)}\n{app.Host.Diagnostics}");
            await Task.Delay(250);
        }
    }
}
