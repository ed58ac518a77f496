namespace WhatsAppCampaigns.Core.Sending;

/// <summary>
/// How the senders' deferral reasons group into what a campaign's pending work is waiting for: the one table the
/// campaign view reads.
/// </summary>
public static class PendingReasons
{
    public const string MessagingLimit = "messaging_limit";
    public const string QuietHours = "quiet_hours";
    public const string FrequencyCap = "frequency_cap";
    public const string Paused = "paused";
    public const string Retrying = "retrying";
    public const string MarketingPaused = "marketing_paused";
    public const string SendingHalted = "sending_halted";
    public const string DeadLetter = "dead_letter";

    /// <summary>The group of a recorded deferral reason (<c>graph_130429</c> → retrying, <c>graph_190</c> → sending halted).</summary>
    public static string GroupOf(string reason) => reason switch
    {
        MessagingLimit or QuietHours or FrequencyCap or Paused or MarketingPaused or DeadLetter => reason,
        "campaign_held" => Paused,
        _ when reason.StartsWith("graph_", StringComparison.Ordinal) && CloudApi.GraphErrorClassifier.Classify(ParseCode(reason)) == CloudApi.ErrorClass.AuthOrAccount => SendingHalted,
        _ => Retrying,
    };

    private static int ParseCode(string reason) => int.TryParse(reason.AsSpan("graph_".Length), System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 0;
}
