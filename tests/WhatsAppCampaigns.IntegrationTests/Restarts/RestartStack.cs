using System.Net;
using System.Text.Json;
using WhatsAppCampaigns.CloudApiSimulator;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;
using WhatsAppCampaigns.IntegrationTests.UserPaths;
using WhatsAppCampaigns.LocalRunner.Hosting;

namespace WhatsAppCampaigns.IntegrationTests.Restarts;

/// <summary>
/// Azurite on disk, the Cloud API simulator in the test process (its ledger is what Meta would have accepted) and the
/// local runner as a child process that the test kills and restarts.
/// </summary>
public sealed class RestartStack : IAsyncDisposable
{
    private RestartStack(OwnAzurite azurite, CloudApiSimulatorHost simulator, RunnerProcess runner, string log)
    {
        Azurite = azurite;
        Simulator = simulator;
        Runner = runner;
        Log = log;
    }

    public OwnAzurite Azurite { get; }

    public CloudApiSimulatorHost Simulator { get; }

    public RunnerProcess Runner { get; }

    public string Log { get; }

    public HttpClient Http => Runner.Http;

    public static async Task<RestartStack> StartAsync()
    {
        var azurite = await OwnAzurite.StartAsync();
        var port = FreeTcpPort.Next();
        var simulator = await CloudApiSimulatorHost.StartAsync(new CloudApiSimulatorOptions
        {
            AccessToken = "test-token",
            AppSecret = WebhookPayloads.AppSecret,
            WebhookUrl = new Uri($"http://127.0.0.1:{port}/api/webhooks/whatsapp"),
            Seed = 11,
            // Meta retries a webhook for a long time; these retries outlast a runner restart (about 2 minutes in all).
            Webhooks = new WebhookBehavior { MaxAttempts = 10, RetryBaseDelayMs = 250, ReadProbability = 0 },
        });
        var settings = CoreServices.DefaultSettings(TestStorage.NewPrefix());
        settings["Storage:ConnectionString"] = azurite.ConnectionString;
        settings["WhatsApp:GraphBaseUrl"] = simulator.BaseUrl.ToString();
        settings["WhatsApp:PhoneNumberIds:0"] = simulator.PhoneNumber.Id;
        settings["WhatsApp:BusinessAccountId"] = simulator.Options.WabaId;
        // Small pages make a fan-out of several activities, and slow sending a window to kill the runner in.
        settings["Campaigns:PageSize"] = "2";
        settings["Campaigns:PagesPerGeneration"] = "4";
        settings["Account:MessagesPerSecond"] = "3";
        // A claim left by the killed runner is taken over after 30 s + 30 s, not 3 + 2 minutes; the grace still outlasts
        // the restart, so the status webhook of a message sent just before the kill arrives first.
        settings["Sender:ClaimStaleAfter"] = "00:00:30";
        settings["Sender:TakeoverGrace"] = "00:00:30";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Logging:LogLevel:WhatsAppCampaigns"] = "Information";
        var log = Path.Combine(Path.GetTempPath(), $"runner-{port}.log");
        var runner = new RunnerProcess(settings, port, log);
        await runner.StartAsync();
        (await runner.Http.PostAsync("/api/templates/sync", null)).EnsureSuccessStatusCode();
        return new RestartStack(azurite, simulator, runner, log);
    }

    public async Task<string[]> SeedOptedInAsync(int count, string tag)
    {
        var phones = Enumerable.Range(0, count).Select(i => $"+5255{20_000_000 + i}").ToArray();
        await Parallel.ForEachAsync(phones, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (phone, ct) =>
        {
            (await Http.PutContactAsync(phone, new { tags = new[] { tag }, attributes = new { first_name = "Ana", item = "zapatos" } })).EnsureSuccessStatusCode();
            (await Http.PostConsentAsync(phone, "marketing", "opted_in")).EnsureSuccessStatusCode();
        });
        return phones;
    }

    public async Task<string> LaunchAsync(string tag, DateTimeOffset? startAt = null)
    {
        var start = startAt is { } at ? $",\"startAt\":\"{at:O}\"" : "";
        var body = $$$"""
            {"name":"restart","template":{"name":"cart_reminder","language":"es_MX"},"audience":{"anyOf":["{{{tag}}}"]},
             "parameters":[{"attribute":"first_name"},{"attribute":"item"}],"quietHours":{"start":null,"end":null}{{{start}}}}
            """;
        var response = await Http.PostJsonAsync("/api/campaigns", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> ViewAsync(string id) => await (await Http.GetAsync($"/api/campaigns/{id}")).JsonAsync();

    public Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan deadline, string what) =>
        LocalStack.WaitForAsync(read, done, deadline, $"{what} (runner log {Log})");

    /// <summary>The campaign completes, and the simulator accepted exactly one message for each recipient.</summary>
    public async Task AssertCompletedOnceEachAsync(string id, string[] phones)
    {
        var view = await WaitForAsync(() => ViewAsync(id), v => v.GetProperty("state").GetString() == "completed", TimeSpan.FromMinutes(4), "the campaign completing");
        Assert.Equal(phones.Length, view.GetProperty("progress").GetProperty("enqueued").GetInt64());
        Assert.All(phones, phone => Assert.Equal(1, Simulator.Ledger.CountTo(phone)));
        Assert.Equal(phones.Length, Simulator.Ledger.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await Runner.DisposeAsync();
        await Simulator.DisposeAsync();
        await Azurite.DisposeAsync();
        File.Delete(Log);
    }
}
