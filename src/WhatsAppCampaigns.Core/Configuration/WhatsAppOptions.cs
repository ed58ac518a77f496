namespace WhatsAppCampaigns.Core.Configuration;

/// <summary>How the app reaches the WhatsApp Cloud API and recognises Meta's webhooks. Section <c>WhatsApp</c>.</summary>
public sealed class WhatsAppOptions
{
    public const string SectionName = "WhatsApp";

    /// <summary>Graph API root; the simulator's address locally.</summary>
    public Uri GraphBaseUrl { get; set; } = new("https://graph.facebook.com/");

    /// <summary>Graph API version segment, e.g. <c>v24.0</c>.</summary>
    public string ApiVersion { get; set; } = "v24.0";

    /// <summary>WhatsApp Business Account id: templates are read from it.</summary>
    public string BusinessAccountId { get; set; } = "";

    /// <summary>Business portfolio id: the messaging limit is counted per portfolio.</summary>
    public string BusinessPortfolioId { get; set; } = "";

    /// <summary>Phone number ids the portfolio may send from.</summary>
    public List<string> PhoneNumberIds { get; set; } = [];

    /// <summary>System-user access token (secret).</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>App secret that signs webhooks (secret).</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>Token Meta echoes in the webhook verification handshake (secret).</summary>
    public string WebhookVerifyToken { get; set; } = "";

    /// <summary>Per-request timeout of a Graph call.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of one send inside the same call, for transient errors and short rate limits.</summary>
    public int MaxSendRetries { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A rate limit that asks to wait longer than this is handed back to the caller to defer, not waited out.</summary>
    public TimeSpan MaxInProcessRetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
