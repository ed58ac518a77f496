using System.Runtime.InteropServices;

namespace WhatsAppCampaigns.Benchmarks;

/// <summary>The lines every result file starts with, so numbers are never read without their machine.</summary>
public static class BenchmarkEnvironment
{
    public static string Describe() =>
        $"date {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores; " +
        $"{RuntimeInformation.OSDescription}; .NET {Environment.Version}; storage: Azurite (in-memory)";

    /// <summary>Azurite's connection string, from scripts/azurite.sh (exported as TEST_STORAGE_CONNECTION_STRING).</summary>
    public static string StorageConnectionString =>
        Environment.GetEnvironmentVariable("TEST_STORAGE_CONNECTION_STRING") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("Start Azurite (scripts/azurite.sh start) and export TEST_STORAGE_CONNECTION_STRING=\"$(scripts/azurite.sh connection-string)\"");
}
