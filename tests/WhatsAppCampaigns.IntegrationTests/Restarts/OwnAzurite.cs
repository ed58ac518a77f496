using System.Diagnostics;
using WhatsAppCampaigns.LocalRunner.Hosting;

namespace WhatsAppCampaigns.IntegrationTests.Restarts;

/// <summary>
/// An Azurite of the test's own, started by <c>scripts/azurite.sh</c> on free ports with its data on disk in a
/// temporary state folder, so it can be restarted without touching the Azurite the other tests share.
/// </summary>
public sealed class OwnAzurite : IAsyncDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "azurite-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly int[] _ports = [FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next()];

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{_ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_ports[1]}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{_ports[2]}/devstoreaccount1;";

    public static async Task<OwnAzurite> StartAsync()
    {
        var azurite = new OwnAzurite();
        await azurite.RunAsync("start");
        return azurite;
    }

    /// <summary>Stops it (SIGTERM, so it writes its data out, as a developer's Ctrl+C does) and starts it on the same data.</summary>
    public async Task RestartAsync()
    {
        await RunAsync("stop");
        await RunAsync("start");
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("stop");
        Directory.Delete(_state, recursive: true);
    }

    private async Task RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash", [Script, command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["AZURITE_STATE"] = _state;
        start.Environment["AZURITE_BLOB_PORT"] = _ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AZURITE_QUEUE_PORT"] = _ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AZURITE_TABLE_PORT"] = _ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(deadline.Token);
        Assert.True(process.ExitCode == 0, $"azurite.sh {command} failed: {await output}{await errors}");
    }

    private static string Script
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var script = Path.Combine(dir.FullName, "scripts", "azurite.sh");
                if (File.Exists(script))
                {
                    return script;
                }
            }

            throw new InvalidOperationException("scripts/azurite.sh not found above the test's folder.");
        }
    }
}
