namespace WhatsAppCampaigns.CloudApiSimulator.Graph;

/// <summary>Graph / Cloud API error codes the simulator produces.</summary>
public static class GraphErrorCodes
{
    /// <summary>Invalid parameter (unknown object id, bad <c>messaging_product</c>…).</summary>
    public const int InvalidParameter = 100;
    /// <summary>Access token invalid or expired (HTTP 401).</summary>
    public const int AccessTokenInvalid = 190;
    /// <summary>Throughput per phone number exceeded.</summary>
    public const int RateLimitHit = 130429;
    /// <summary>Unknown error (transient).</summary>
    public const int SomethingWentWrong = 131000;
    /// <summary>Required parameter missing.</summary>
    public const int RequiredParameterMissing = 131008;
    /// <summary>Parameter value not valid.</summary>
    public const int ParameterValueInvalid = 131009;
    /// <summary>Service unavailable (transient).</summary>
    public const int ServiceUnavailable = 131016;
    /// <summary>Message undeliverable.</summary>
    public const int MessageUndeliverable = 131026;
    /// <summary>Per-user marketing limit ("healthy ecosystem engagement").</summary>
    public const int HealthyEcosystemEngagement = 131049;
    /// <summary>User stopped marketing messages.</summary>
    public const int UserStoppedMarketing = 131050;
    /// <summary>Pair rate limit (business number → user).</summary>
    public const int PairRateLimitHit = 131056;
    /// <summary>Template parameter count mismatch.</summary>
    public const int TemplateParameterCountMismatch = 132000;
    /// <summary>Template does not exist (in this language).</summary>
    public const int TemplateDoesNotExist = 132001;
    /// <summary>Template paused.</summary>
    public const int TemplatePaused = 132015;
    /// <summary>Template disabled.</summary>
    public const int TemplateDisabled = 132016;
}
