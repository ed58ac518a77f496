namespace WhatsAppCampaigns.CloudApiSimulator.Graph;

/// <summary>A Graph error: code, title (Meta's message), details and the HTTP status Graph answers it with.</summary>
public sealed record GraphError(int Code, string Title, string Details, int HttpStatus = 400, int? Subcode = null)
{
    /// <summary>Meta's titles, as in its error-code reference; unknown codes get a generic one.</summary>
    public static string TitleOf(int code) => code switch
    {
        GraphErrorCodes.InvalidParameter => "Invalid parameter",
        GraphErrorCodes.AccessTokenInvalid => "Invalid OAuth access token - Cannot parse access token",
        GraphErrorCodes.RateLimitHit => "Rate limit hit",
        GraphErrorCodes.SomethingWentWrong => "Something went wrong",
        GraphErrorCodes.RequiredParameterMissing => "Required parameter is missing",
        GraphErrorCodes.ParameterValueInvalid => "Parameter value is not valid",
        GraphErrorCodes.ServiceUnavailable => "Service unavailable",
        GraphErrorCodes.MessageUndeliverable => "Message undeliverable",
        GraphErrorCodes.HealthyEcosystemEngagement => "This message was not delivered to maintain healthy ecosystem engagement.",
        GraphErrorCodes.UserStoppedMarketing => "User has stopped receiving marketing messages",
        GraphErrorCodes.PairRateLimitHit => "(Business Account, Consumer Account) pair rate limit hit",
        GraphErrorCodes.TemplateParameterCountMismatch => "Number of parameters does not match the expected number of params",
        GraphErrorCodes.TemplateDoesNotExist => "Template name does not exist in the translation",
        GraphErrorCodes.TemplatePaused => "Template is Paused",
        GraphErrorCodes.TemplateDisabled => "Template is Disabled",
        131048 => "Spam rate limit hit",
        131057 => "Account in maintenance mode",
        131047 => "Re-engagement message",
        130472 => "User's number is part of an experiment",
        368 => "Temporarily blocked for policies violations",
        4 => "Application request limit reached",
        80007 => "Rate limit issues",
        _ => "Simulated error",
    };

    /// <summary>An error with Meta's title; 190 is answered 401, everything else 400 as Graph does.</summary>
    public static GraphError Of(int code, string details, int? subcode = null) =>
        new(code, TitleOf(code), details, code == GraphErrorCodes.AccessTokenInvalid ? 401 : 400, subcode);
}
