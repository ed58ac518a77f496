namespace WhatsAppCampaigns.Core.CloudApi;

/// <summary>A Graph API error, classified.</summary>
/// <param name="RetryAfter">For <see cref="ErrorClass.RateLimited"/> and <see cref="ErrorClass.Transient"/>: how long to wait before the next try.</param>
public sealed record GraphError(
    int Code,
    string Message,
    ErrorClass Class,
    TimeSpan? RetryAfter = null,
    int HttpStatus = 400,
    int? Subcode = null,
    string? Details = null,
    string? FbTraceId = null)
{
    /// <summary>Code used when the request never reached Graph (connection refused): safe to retry.</summary>
    public const int NotSentCode = -1;

    /// <summary>
    /// Code used when the request may have reached Graph but no answer came (timeout, reset):
    /// the message may have been sent, so a blind retry could send it twice.
    /// </summary>
    public const int OutcomeUnknownCode = -2;

    public bool IsRetryable => Class is ErrorClass.Transient or ErrorClass.RateLimited;

    public bool OutcomeUnknown => Code == OutcomeUnknownCode;
}
