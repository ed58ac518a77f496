namespace WhatsAppCampaigns.Core.Configuration;

/// <summary>
/// Where the core keeps its tables, queues and blobs. Section <c>Storage</c>.
/// Either a connection string (Azurite, local) or service URIs reached with a managed identity (Azure).
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    /// <summary>Client id of the user-assigned managed identity; empty means the default credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Prefix for every table, queue and container name, so that several test runs or
    /// environments can share one storage account. Lowercase letters and digits only.
    /// </summary>
    public string NamePrefix { get; set; } = "";
}
