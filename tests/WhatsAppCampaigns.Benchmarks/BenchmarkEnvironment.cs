using System.Runtime.InteropServices;

namespace WhatsAppCampaigns.Benchmarks;

/// <summary>The lines every result file starts with, so numbers are never read without their machine.</summary>
public static class BenchmarkEnvironment
{
    public static string Describe(string storage = "Azurite (in-memory)") =>
        $"date {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores; " +
        $"{RuntimeInformation.OSDescription}; .NET {Environment.Version}; storage: {storage}";

    /// <summary>Azurite's connection string, from scripts/azurite.sh (exported as TEST_STORAGE_CONNECTION_STRING).</summary>
    public static string StorageConnectionString =>
        Environment.GetEnvironmentVariable("TEST_STORAGE_CONNECTION_STRING") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("Start Azurite (scripts/azurite.sh start) and export TEST_STORAGE_CONNECTION_STRING=\"$(scripts/azurite.sh connection-string)\"");

    /// <summary>Where result files go: tests/WhatsAppCampaigns.Benchmarks/results/{name} in this repository.</summary>
    public static string ResultPath(string name) => Path.Combine(RepositoryRoot(), "tests", "WhatsAppCampaigns.Benchmarks", "results", name);

    /// <summary>The checkout this benchmark was built from (or runs in): the directory holding Functions.sln.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository (Functions.sln not found).");
    }
}
