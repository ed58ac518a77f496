using System.Text.Json;
using WhatsAppCampaigns.CloudApiSimulator;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;
using WhatsAppCampaigns.LocalRunner.Hosting;

namespace WhatsAppCampaigns.IntegrationTests.UserPaths;

/// <summary>
/// What <c>scripts/run-local.sh</c> starts, in-process: the local runner on a free port and the Cloud API simulator
/// posting signed webhooks back to it. Every wait has a deadline generous enough for a loaded machine.
/// </summary>
public sealed class LocalStack : IAsyncDisposable
{
    private LocalStack(CloudApiSimulatorHost simulator, RunningLocalRunner runner)
    {
        Simulator = simulator;
        Runner = runner;
    }

    public CloudApiSimulatorHost Simulator { get; }

    public RunningLocalRunner Runner { get; }

    public HttpClient Http => Runner.Http;

    public static async Task<LocalStack> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var port = FreeTcpPort.Next();
        var simulator = await CloudApiSimulatorHost.StartAsync(new CloudApiSimulatorOptions
        {
            AccessToken = "test-token",
            AppSecret = WebhookPayloads.AppSecret,
            WebhookUrl = new Uri($"http://127.0.0.1:{port}/api/webhooks/whatsapp"),
            Seed = 7,
        });
        var values = new Dictionary<string, string?>
        {
            ["WhatsApp:GraphBaseUrl"] = simulator.BaseUrl.ToString(),
            ["WhatsApp:PhoneNumberIds:0"] = simulator.PhoneNumber.Id,
            ["WhatsApp:BusinessAccountId"] = simulator.Options.WabaId,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var runner = await RunningLocalRunner.StartAsync(values, urls: $"http://127.0.0.1:{port}");
        (await runner.Http.PostAsync("/api/templates/sync", null)).EnsureSuccessStatusCode();
        return new LocalStack(simulator, runner);
    }

    /// <summary>Contacts +52 55 1000 0000 onwards, tagged and opted in to marketing through the API.</summary>
    public async Task<string[]> SeedOptedInAsync(int count, string tag)
    {
        var phones = Enumerable.Range(0, count).Select(i => $"+5255{10_000_000 + i}").ToArray();
        await Parallel.ForEachAsync(phones, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (phone, ct) =>
        {
            (await Http.PutContactAsync(phone, new { tags = new[] { tag }, attributes = new { first_name = "Ana", item = "zapatos" } })).EnsureSuccessStatusCode();
            (await Http.PostConsentAsync(phone, "marketing", "opted_in")).EnsureSuccessStatusCode();
        });
        return phones;
    }

    /// <summary>Launches cart_reminder (es_MX) to a tag, with quiet hours off so the test does not depend on the time of day.</summary>
    public async Task<string> LaunchAsync(string tag)
    {
        var body = $$$"""
            {"name":"user path","template":{"name":"cart_reminder","language":"es_MX"},"audience":{"anyOf":["{{{tag}}}"]},
             "parameters":[{"attribute":"first_name"},{"attribute":"item"}],"quietHours":{"start":null,"end":null}}
            """;
        var response = await Http.PostJsonAsync("/api/campaigns", body);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> ViewAsync(string id) => await (await Http.GetAsync($"/api/campaigns/{id}")).JsonAsync();

    /// <summary>Polls until <paramref name="done"/> holds; fails with the last value seen when the deadline passes.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < until, $"{what} did not happen within {deadline}; last seen: {value}");
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Runner.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
