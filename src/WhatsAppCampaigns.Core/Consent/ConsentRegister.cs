namespace WhatsAppCampaigns.Core.Consent;

/// <summary>
/// The rule for conflicting consent events, whatever order they arrive in. Sources have different clocks
/// (<see cref="ConsentClock"/>): WhatsApp's timestamps are whole seconds, the business's API gives milliseconds and its
/// clock may run ahead. So an opt-in overrides an opt-out only when it is clearly later: by more than the tolerance
/// (<see cref="ConsentOptions.ClockTolerance"/>) when the business's clock dated either, by a whole second when WhatsApp's
/// dated them, and by any amount when the product's own clock dated both. Whatever cannot be ordered goes to the
/// opt-out: an opt-out is never lost to precision or skew. The state keeps only the latest opt-in and the latest
/// opt-out, so any arrival order of the same events gives the same state, and a duplicate changes nothing.
/// </summary>
public sealed record ConsentRegister(ConsentChange? LatestOptIn, ConsentChange? LatestOptOut)
{
    public static readonly ConsentRegister Empty = new(null, null);

    /// <summary>The register with <paramref name="change"/> taken in; the same instance when it changes nothing.</summary>
    /// <param name="now">An opt-in dated later than now plus the tolerance counts as made then, so a clock far ahead
    /// cannot outrank the opt-outs that follow it.</param>
    public ConsentRegister With(ConsentChange change, DateTimeOffset now, TimeSpan tolerance)
    {
        if (change.Status == ConsentStatus.OptedIn)
        {
            var latest = now + tolerance;
            var bounded = change.At > latest ? change with { At = latest } : change;
            return IsLater(bounded, LatestOptIn) ? this with { LatestOptIn = bounded } : this;
        }

        return IsLater(change, LatestOptOut) ? this with { LatestOptOut = change } : this;
    }

    /// <summary>Null when nothing was recorded; opted in only while the latest opt-in clearly follows the latest opt-out.</summary>
    public ConsentStatus? Status(TimeSpan tolerance) => (LatestOptIn, LatestOptOut) switch
    {
        (null, null) => null,
        (not null, null) => ConsentStatus.OptedIn,
        (null, not null) => ConsentStatus.OptedOut,
        var (optIn, optOut) => Outranks(optIn!.At, optIn.EffectiveClock, optOut!.At, optOut.EffectiveClock, tolerance) ? ConsentStatus.OptedIn : ConsentStatus.OptedOut,
    };

    /// <summary>The change that decides <see cref="Status"/>: the latest of the winning kind.</summary>
    public ConsentChange? Deciding(TimeSpan tolerance) => Status(tolerance) switch
    {
        ConsentStatus.OptedIn => LatestOptIn,
        ConsentStatus.OptedOut => LatestOptOut,
        _ => null,
    };

    /// <summary>Whether an opt-in overrides a refusal (an opt-out, an erasure) given the clocks that dated them.</summary>
    public static bool Outranks(DateTimeOffset optedInAt, ConsentClock optInClock, DateTimeOffset refusedAt, ConsentClock refusalClock, TimeSpan tolerance)
    {
        if (optInClock == ConsentClock.Product && refusalClock == ConsentClock.Product)
        {
            return optedInAt > refusedAt;
        }

        var slack = optInClock == ConsentClock.Caller || refusalClock == ConsentClock.Caller ? (long)Math.Ceiling(tolerance.TotalSeconds) : 0;
        return optedInAt.ToUnixTimeSeconds() > refusedAt.ToUnixTimeSeconds() + slack;
    }

    // Ties on the exact time go to one of them by a fixed rule, so neither arrival order nor a redelivery changes the state.
    private static bool IsLater(ConsentChange change, ConsentChange? current) =>
        current is null || change.At > current.At
        || (change.At == current.At && string.CompareOrdinal(Identity(change), Identity(current)) > 0);

    private static string Identity(ConsentChange c) => $"{c.Source}|{c.Clock}|{c.Evidence}|{c.EvidenceUrl}|{c.RecordedBy}";
}
