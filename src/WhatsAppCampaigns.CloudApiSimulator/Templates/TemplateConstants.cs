namespace WhatsAppCampaigns.CloudApiSimulator.Templates;

/// <summary>Template categories as Graph spells them.</summary>
public static class TemplateCategories
{
    /// <summary>Marketing template.</summary>
    public const string Marketing = "MARKETING";
    /// <summary>Utility template.</summary>
    public const string Utility = "UTILITY";
    /// <summary>Authentication template.</summary>
    public const string Authentication = "AUTHENTICATION";
}

/// <summary>Template statuses as Graph spells them.</summary>
public static class TemplateStatuses
{
    /// <summary>Sendable.</summary>
    public const string Approved = "APPROVED";
    /// <summary>Sends fail with 132015.</summary>
    public const string Paused = "PAUSED";
    /// <summary>Sends fail with 132016.</summary>
    public const string Disabled = "DISABLED";
    /// <summary>Not yet reviewed; not sendable.</summary>
    public const string Pending = "PENDING";
    /// <summary>Rejected at review; not sendable.</summary>
    public const string Rejected = "REJECTED";
}
