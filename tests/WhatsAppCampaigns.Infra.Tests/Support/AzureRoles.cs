namespace WhatsAppCampaigns.Infra.Tests.Support;

/// <summary>Built-in Azure role definition ids (identical in every tenant).</summary>
internal static class AzureRoles
{
    // Data-plane roles this app may hold.
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string StorageQueueDataMessageProcessor = "8a0f0c08-91a1-4084-bc3d-661d67233fed";
    public const string StorageQueueDataMessageSender = "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    // Control-plane or over-broad roles that must never appear.
    public const string Owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    public const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    public const string UserAccessAdministrator = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";
    public const string StorageAccountContributor = "17d1049b-9a84-46fb-8f53-869881c3d3ab";
    public const string KeyVaultAdministrator = "00482a5a-887f-4fb3-b363-3b7fe8e74483";
    public const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";

    public static readonly IReadOnlySet<string> AllowedDataRoles = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        StorageBlobDataOwner,
        StorageBlobDataContributor,
        StorageQueueDataContributor,
        StorageQueueDataMessageProcessor,
        StorageQueueDataMessageSender,
        StorageTableDataContributor,
        MonitoringMetricsPublisher,
        KeyVaultSecretsUser,
    };

    public static readonly IReadOnlyDictionary<string, string> Forbidden = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [Owner] = nameof(Owner),
        [Contributor] = nameof(Contributor),
        [UserAccessAdministrator] = nameof(UserAccessAdministrator),
        [StorageAccountContributor] = nameof(StorageAccountContributor),
        [KeyVaultAdministrator] = nameof(KeyVaultAdministrator),
        [KeyVaultSecretsOfficer] = nameof(KeyVaultSecretsOfficer),
    };
}
