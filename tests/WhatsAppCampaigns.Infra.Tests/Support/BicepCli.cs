using System.Diagnostics;
using System.Reflection;

namespace WhatsAppCampaigns.Infra.Tests.Support;

/// <summary>Runs the Bicep compiler restored from the <c>Azure.Bicep.CommandLine.linux-x64</c> NuGet package.</summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<string> LazyPath = new(Locate);

    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static string ExecutablePath => LazyPath.Value;

    public static Result Run(params string[] args)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Keep the compiler quiet and offline-friendly.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["BICEP_TRACING_ENABLED"] = "false";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', args)} did not finish in {Timeout}.");
        }

        return new Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        var path = Environment.GetEnvironmentVariable("BICEP_PATH");
        if (string.IsNullOrWhiteSpace(path))
        {
            path = typeof(BicepCli).Assembly
                .GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(a => a.Key == "BicepPath")?.Value;
        }

        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Bicep CLI not found at '{path}'. Restore the Azure.Bicep.CommandLine.linux-x64 package or set BICEP_PATH.");
        }

        // NuGet extracts packages from a zip and may drop the executable bit.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            var exec = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | exec);
            }
        }

        return path;
    }
}
