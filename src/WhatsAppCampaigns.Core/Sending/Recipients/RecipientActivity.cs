using System.Globalization;

namespace WhatsAppCampaigns.Core.Sending.Recipients;

/// <summary>
/// What the senders remember about one recipient: the quota bucket that counts them in the messaging limit's window,
/// their recent marketing sends (frequency cap) and the phone number that talks to them (stickiness in a pool).
/// </summary>
/// <param name="CountedBucket">The quota bucket holding this recipient's slot; null when never counted.</param>
/// <param name="MarketingSends">Times of recent marketing sends, oldest first, trimmed to the longest cap window.</param>
/// <param name="LastMessage">The message (callback data) that made the latest reservation: its retries reuse it.</param>
public sealed record RecipientActivity(string Recipient, long? CountedBucket, IReadOnlyList<DateTimeOffset> MarketingSends, string? PhoneNumberId, string? LastMessage = null)
{
    public static RecipientActivity New(string recipient) => new(recipient, null, [], null);

    public int MarketingSendsSince(DateTimeOffset since) => MarketingSends.Count(at => at > since);

    public RecipientActivity WithMarketingSend(DateTimeOffset at, TimeSpan keep) =>
        this with { MarketingSends = MarketingSends.Where(t => t > at - keep).Append(at).ToArray() };

    internal static IReadOnlyList<DateTimeOffset> ParseTimes(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => new DateTimeOffset(long.Parse(t, CultureInfo.InvariantCulture), TimeSpan.Zero))
            .ToArray();

    internal static string FormatTimes(IReadOnlyList<DateTimeOffset> times) =>
        string.Join(',', times.Select(t => t.UtcTicks.ToString(CultureInfo.InvariantCulture)));
}
