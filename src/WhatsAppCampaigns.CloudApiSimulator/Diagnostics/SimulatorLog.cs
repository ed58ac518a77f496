namespace WhatsAppCampaigns.CloudApiSimulator.Diagnostics;

/// <summary>Source-generated log messages. Phone numbers appear masked; tokens never.</summary>
internal static partial class SimulatorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Cloud API simulator listening on {BaseUrl}; webhooks to {WebhookUrl}")]
    public static partial void Started(ILogger logger, string baseUrl, string webhookUrl);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Accepted {Wamid} template {Template} to {MaskedTo}; failure code {FailureCode}")]
    public static partial void Accepted(ILogger logger, string wamid, string template, string maskedTo, int? failureCode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Rejected send on {PhoneNumberId} with code {Code}")]
    public static partial void Rejected(ILogger logger, string phoneNumberId, int code);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Webhook POST gave up after {Attempts} attempts; last status {StatusCode}")]
    public static partial void WebhookGivenUp(ILogger logger, int attempts, int? statusCode);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Webhook POST could not connect: {Reason}")]
    public static partial void WebhookConnectionFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Webhook delivery crashed")]
    public static partial void WebhookDeliveryCrashed(ILogger logger, Exception exception);
}
