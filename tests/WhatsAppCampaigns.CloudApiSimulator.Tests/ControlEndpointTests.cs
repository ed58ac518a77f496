using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppCampaigns.CloudApiSimulator.Tests.Support;

namespace WhatsAppCampaigns.CloudApiSimulator.Tests;

public sealed class ControlEndpointTests
{
    [Fact]
    public async Task InboundAndPreferenceEndpoints_PostWebhooksAndChangeTheScenario()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(Simulators.Options(receiver.Url));
        using var http = new HttpClient { BaseAddress = sim.BaseUrl };

        var text = await http.PostAsJsonAsync("_sim/inbound/text", new { from = "5215512345678", body = "STOP" });
        var button = await http.PostAsJsonAsync("_sim/inbound/button", new { from = "5215512345678", payload = "P", text = "Stop promotions", contextId = "wamid.x" });
        var preference = await http.PostAsJsonAsync("_sim/inbound/user-preferences", new { waId = "5215512345678", value = "stop" });
        var invalid = await http.PostAsJsonAsync("_sim/inbound/user-preferences", new { waId = "5215512345678", value = "maybe" });

        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.True((await text.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("delivered").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, button.StatusCode);
        Assert.Equal(HttpStatusCode.OK, preference.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(3, receiver.Received.Count);
        Assert.True(sim.Scenario.IsStopped("+5215512345678"));
    }

    [Fact]
    public async Task ScenarioAndLedgerEndpoints_DriveAndReportSends()
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim);
        using var http = new HttpClient { BaseAddress = sim.BaseUrl };

        await http.PostAsJsonAsync("_sim/scenario/undeliverable", new { phone = Simulators.OtherMexicanUser });
        await http.PostAsJsonAsync("_sim/scenario/fail-next", new { count = 1, code = 131016 });
        var patched = await http.PatchAsJsonAsync("_sim/scenario/limits", new { pairRateBurst = 1 });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(1, sim.Scenario.Limits.PairRateBurst);
        Assert.Equal(80, sim.Scenario.Limits.ThroughputPerSecond);

        Assert.Equal(131016, (await graph.SendAsync(Simulators.MexicanUser)).ErrorCode);
        await graph.SendAsync(Simulators.MexicanUser);
        Assert.Equal(131056, (await graph.SendAsync(Simulators.MexicanUser)).ErrorCode);
        await graph.SendAsync(Simulators.OtherMexicanUser);

        var summary = await http.GetFromJsonAsync<JsonElement>("_sim/ledger");
        Assert.Equal(2, summary.GetProperty("accepted").GetInt32());
        Assert.Equal(1, summary.GetProperty("acceptedThenFailed").GetInt32());
        Assert.Equal(2, summary.GetProperty("uniqueRecipients").GetInt32());
        Assert.Equal(1, summary.GetProperty("failuresByCode").GetProperty("131026").GetInt32());
        Assert.Equal(1, summary.GetProperty("rejectionsByCode").GetProperty("131056").GetInt32());
        var messages = await http.GetFromJsonAsync<JsonElement>($"_sim/ledger/messages?to={Uri.EscapeDataString(Simulators.MexicanUser)}");
        Assert.Equal(1, messages.GetArrayLength());
    }
}
