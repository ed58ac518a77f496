namespace WhatsAppCampaigns.Core.CloudApi;

/// <summary>What a Graph error means for whoever sent the request: the sender acts on this, not on raw codes.</summary>
public enum ErrorClass
{
    /// <summary>The platform had a problem (131000, 131016, 133004, 131057, 5xx, network): retry, bounded.</summary>
    Transient,

    /// <summary>A rate limit (130429, 131056, 131049, 4, 80007): try again after <see cref="GraphError.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>This recipient cannot get this message (131050, 131026, 131047, 130472, 130497): never retry.</summary>
    RecipientPermanent,

    /// <summary>The template is unusable (132xxx): fix or wait for the template; retrying the message is pointless.</summary>
    TemplatePermanent,

    /// <summary>Token, permission, policy or account problem (190, 0, 3, 10, 200–299, 131005, 368, 131031, 131048): stop sending.</summary>
    AuthOrAccount,

    /// <summary>The request itself is wrong (100, 131008, 131009 and unknown 4xx): a bug or bad data, never retried.</summary>
    InvalidRequest,
}
