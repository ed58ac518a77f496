namespace WhatsAppCampaigns.Core.Consent;

/// <summary>
/// When a consent change given by a caller may say it happened: not before anyone could consent to WhatsApp messages
/// (<see cref="ConsentOptions.EarliestConsentAt"/>), and not later than the clock tolerance ahead of now — a time further
/// ahead would outrank the opt-outs that follow it.
/// </summary>
public static class ConsentTimes
{
    /// <returns>Null when <paramref name="at"/> is acceptable, else why not.</returns>
    public static string? Problem(DateTimeOffset at, DateTimeOffset now, ConsentOptions options) =>
        at < options.EarliestConsentAt ? $"must not be before {options.EarliestConsentAt:yyyy-MM-dd}"
        : at > now + options.ClockTolerance ? $"must not be more than {options.ClockTolerance.TotalSeconds:0} s ahead of the current time"
        : null;
}
