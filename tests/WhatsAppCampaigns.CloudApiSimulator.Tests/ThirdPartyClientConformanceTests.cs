using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppCampaigns.CloudApiSimulator.Tests.Support;

namespace WhatsAppCampaigns.CloudApiSimulator.Tests;

/// <summary>
/// The npm client <c>whatsapp-api-js</c> (pinned in tests/conformance, installed by scripts/test.sh) checks the
/// simulator's signed webhooks its own way: it accepts only bodies in Meta's byte form, and parses them as Meta's.
/// </summary>
public sealed class ThirdPartyClientConformanceTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task WhatsAppApiJs_VerifiesAndReadsEveryWebhook_WithAccentsEmojiAndAMexicanNumber()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(Simulators.Options(receiver.Url));
        using var graph = new GraphClient(sim);

        await graph.SendAsync("+52 55 1234 5678", callbackData: "campaña-ñ|+525512345678");
        Assert.True(await sim.WaitForWebhooksIdleAsync(Idle));
        await sim.PostInboundTextAsync("5215512345678", "Adiós 😀, ¡gracias!", "José");

        var received = receiver.Received;
        var results = await RunClientAsync(sim.Options.AppSecret, received.Select(r => (r.Body, r.Signature)));

        Assert.Equal(received.Count, results.Count);
        Assert.All(results, r => Assert.True(r["ok"]!.GetValue<bool>(), r.ToJsonString()));
        var events = results.SelectMany(r => r["events"]!.AsArray()).Select(e => e!.AsObject()).ToList();
        var statuses = events.Where(e => (string?)e["kind"] == "status").ToList();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal(("5215512345678", "campaña-ñ|+525512345678"), ((string?)s["phone"], (string?)s["callback"])));
        var message = Assert.Single(events, e => (string?)e["kind"] == "message");
        Assert.Equal(("5215512345678", "Adiós 😀, ¡gracias!"), ((string?)message["from"], (string?)message["text"]));
    }

    private static async Task<List<JsonObject>> RunClientAsync(string appSecret, IEnumerable<(byte[] Body, string Signature)> webhooks)
    {
        var directory = Path.Combine(RepositoryRoot(), "tests", "conformance");
        Assert.True(Directory.Exists(Path.Combine(directory, "node_modules", "whatsapp-api-js")), "run 'npm ci' in tests/conformance (scripts/test.sh does)");
        var input = JsonSerializer.Serialize(webhooks.Select(w => new { body = Convert.ToBase64String(w.Body), signature = w.Signature }));

        var start = new ProcessStartInfo("node", ["webhooks.mjs", appSecret])
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(input);
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, await errors);
        return JsonNode.Parse(await output)!.AsArray().Select(n => n!.AsObject()).ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Functions.sln not found above the test's directory");
    }
}
