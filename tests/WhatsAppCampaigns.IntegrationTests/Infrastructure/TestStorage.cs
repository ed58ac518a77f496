namespace WhatsAppCampaigns.IntegrationTests.Infrastructure;

/// <summary>
/// Azurite, as started by <c>scripts/test.sh</c> (which exports <c>TEST_STORAGE_CONNECTION_STRING</c>).
/// Each test gets its own name prefix, hence its own tables, queues and containers.
/// </summary>
public static class TestStorage
{
    public const string ConnectionStringVariable = "TEST_STORAGE_CONNECTION_STRING";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ConnectionStringVariable} is not set: run the tests with scripts/test.sh, which starts Azurite and sets it.");

    /// <summary>A fresh prefix: a letter and 11 random lowercase alphanumerics.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..11];
}
