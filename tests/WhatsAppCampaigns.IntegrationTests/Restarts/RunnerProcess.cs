using System.Diagnostics;

namespace WhatsAppCampaigns.IntegrationTests.Restarts;

/// <summary>
/// The local runner as its own OS process (what <c>scripts/run-local.sh</c> starts), so a test can kill it the hard
/// way, by its PID with SIGKILL, and start it again on the same port, storage and settings.
/// </summary>
public sealed class RunnerProcess : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _log;
    private Process? _process;

    public RunnerProcess(IReadOnlyDictionary<string, string?> settings, int port, string log)
    {
        _settings = settings;
        Port = port;
        _log = log;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public HttpClient Http { get; }

    public int Starts { get; private set; }

    public async Task StartAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "WhatsAppCampaigns.LocalRunner.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{Port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = Process.Start(start)!;
        Starts++;
        var writer = TextWriter.Synchronized(new StreamWriter(_log, append: true) { AutoFlush = true });
        await writer.WriteLineAsync($"--- start {Starts}, pid {_process.Id}");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { writer.WriteLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { writer.WriteLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var until = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            Assert.False(_process.HasExited, $"The runner exited at start-up; see its log:\n{Tail()}");
            try
            {
                if ((await Http.GetAsync("/api/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < until, $"The runner did not answer /api/health within 2 minutes; its log:\n{Tail()}");
            await Task.Delay(250);
        }
    }

    /// <summary>kill -9: no shutdown hook runs, nothing is flushed, leases and claims are left as they were.</summary>
    public async Task KillAsync()
    {
        var process = _process!;
        process.Kill(entireProcessTree: false); // SIGKILL on Linux
        await process.WaitForExitAsync();
        process.Dispose();
        _process = null;
    }

    /// <summary>The end of the runner's output, for a failure message.</summary>
    public string Tail(int lines = 60)
    {
        try
        {
            using var stream = new FileStream(_log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return string.Join('\n', new StreamReader(stream).ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_process is { HasExited: false })
        {
            await KillAsync();
        }
    }
}
