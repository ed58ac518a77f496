namespace WhatsAppCampaigns.Core.Account;

/// <summary>
/// Section <c>Account</c>: what the senders assume until Meta reports otherwise (webhooks or Graph reads
/// recorded through <see cref="IAccountSignals"/> take precedence).
/// </summary>
public sealed class AccountOptions
{
    public const string SectionName = "Account";

    /// <summary>Unique recipients per moving 24 h for the portfolio; -1 means unlimited. A new portfolio starts at 250.</summary>
    public int MessagingLimit { get; set; } = 250;

    /// <summary>Per phone number; Meta's default is 80.</summary>
    public int MessagesPerSecond { get; set; } = 80;

    /// <summary>Throughput after a <c>THROUGHPUT_UPGRADE</c> webhook.</summary>
    public int UpgradedMessagesPerSecond { get; set; } = 1_000;

    /// <summary>
    /// Display number (digits, as Meta writes it in <c>phone_number_quality_update</c>) → phone number id, for
    /// portfolios with more than one number; with a single configured number id it is not needed.
    /// </summary>
    public Dictionary<string, string> DisplayPhoneNumbers { get; set; } = [];
}
