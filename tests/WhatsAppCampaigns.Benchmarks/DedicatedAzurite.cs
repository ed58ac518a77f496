using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using WhatsAppCampaigns.LocalRunner.Hosting;

namespace WhatsAppCampaigns.Benchmarks;

/// <summary>
/// A fresh Azurite (the pinned one from scripts/azurite) for one measurement, on ports the OS picks, without access
/// logging. Why: the emulator keeps every table and queue in one in-memory database whose indexes make a delete cost
/// time in proportion to everything stored, so emptying a 30,000-message queue already takes minutes. Each audience size
/// therefore starts on an empty emulator, and the emulator is stopped instead of cleaned.
/// </summary>
internal sealed class DedicatedAzurite : IAsyncDisposable
{
    private readonly Process process;

    private DedicatedAzurite(Process process, int blob, int queue, int table)
    {
        this.process = process;
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public int ProcessId => process.Id;

    /// <summary>The emulator's peak resident memory (VmHWM), in MB; null where /proc is not there.</summary>
    public double? PeakResidentMb
    {
        get
        {
            var status = $"/proc/{process.Id}/status";
            if (!File.Exists(status))
            {
                return null;
            }

            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
    }

    public static async Task<DedicatedAzurite> StartAsync()
    {
        var script = Path.Combine(BenchmarkEnvironment.RepositoryRoot(), "scripts", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException("Azurite is not installed: run scripts/azurite.sh start once (it installs it).");
        }

        var (blob, queue, table) = (FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next());
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A million queue messages and two million table rows live in the emulator's heap.
        info.ArgumentList.Add("--max-old-space-size=12288");
        info.ArgumentList.Add(script);
        foreach (var (name, port) in new[] { ("blob", blob), ("queue", queue), ("table", table) })
        {
            info.ArgumentList.Add($"--{name}Host");
            info.ArgumentList.Add("127.0.0.1");
            info.ArgumentList.Add($"--{name}Port");
            info.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var flag in new[] { "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl" })
        {
            info.ArgumentList.Add(flag);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"azurite: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new DedicatedAzurite(process, blob, queue, table);
        foreach (var port in new[] { blob, queue, table })
        {
            await WaitForPortAsync(port, process);
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static async Task WaitForPortAsync(int port, Process process)
    {
        // Node starting on a loaded machine can take a minute; the deadline is for a broken install, not a slow one.
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        throw new InvalidOperationException($"Azurite did not open port {port}");
    }
}
