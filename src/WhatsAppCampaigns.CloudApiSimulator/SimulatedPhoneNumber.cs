namespace WhatsAppCampaigns.CloudApiSimulator;

/// <summary>A business phone number as <c>GET /{phone-number-id}</c> reports it.</summary>
public sealed record SimulatedPhoneNumber
{
    /// <summary>The number the simulator serves when none is configured.</summary>
    public static SimulatedPhoneNumber Default { get; } = new();

    /// <summary>Graph id used in <c>/{version}/{id}/messages</c>.</summary>
    public string Id { get; init; } = "100000000000002";

    /// <summary>Display number; webhooks carry it without the plus sign, as Meta does.</summary>
    public string DisplayPhoneNumber { get; init; } = "+1 555-010-0000";

    /// <summary><c>GREEN</c>, <c>YELLOW</c>, <c>RED</c> or <c>UNKNOWN</c>.</summary>
    public string QualityRating { get; init; } = "GREEN";

    /// <summary><c>TIER_250</c>, <c>TIER_2K</c>, <c>TIER_10K</c>, <c>TIER_100K</c> or <c>TIER_UNLIMITED</c>.</summary>
    public string MessagingLimitTier { get; init; } = "TIER_2K";

    /// <summary><c>STANDARD</c> (80 mps) or <c>HIGH</c> (1,000 mps); informative only, the enforced rate is in the limits.</summary>
    public string ThroughputLevel { get; init; } = "STANDARD";

    /// <summary>Digits only, as webhook metadata shows it.</summary>
    internal string DisplayDigits => new(DisplayPhoneNumber.Where(char.IsAsciiDigit).ToArray());
}
