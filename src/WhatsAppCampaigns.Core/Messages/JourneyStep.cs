namespace WhatsAppCampaigns.Core.Messages;

/// <summary>
/// One step of a journey (cart reminders; back-in-stock, reorder and appointment reminders to come): what a message
/// belongs to when it belongs to no campaign. It travels where a campaign id would (the send request, the message key,
/// Graph's callback data) as <c>{journey}:{subject}:{sequence}:{step}</c>; a campaign id never contains a colon, so the
/// two cannot be confused.
/// </summary>
/// <param name="Sequence">Grows when the subject starts over (a cart updated again): a new sequence sends afresh, a retry of the same step never does.</param>
public sealed record JourneyStep(string Journey, string Subject, int Sequence, int Step)
{
    /// <summary>Cart-abandonment reminders.</summary>
    public const string Cart = "cart";

    public string Id => $"{Journey}:{Subject}:{Sequence}:{Step}";

    public override string ToString() => Id;

    /// <summary>Whether a message key's campaign part names a journey step rather than a campaign.</summary>
    public static bool IsStep(string campaignOrStepId) => TryParse(campaignOrStepId, out _);

    public static bool TryParse(string? id, out JourneyStep? step)
    {
        step = null;
        var parts = id?.Split(':') ?? [];
        if (parts.Length < 4 || parts[0].Length == 0 || !parts[0].All(char.IsAsciiLetterLower)
            || !int.TryParse(parts[^2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            || !int.TryParse(parts[^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        // The subject (a cart id) may itself contain colons.
        var subject = string.Join(':', parts[1..^2]);
        step = subject.Length == 0 ? null : new JourneyStep(parts[0], subject, sequence, number);
        return step is not null;
    }
}
