using WhatsAppCampaigns.Core.Consent;

namespace WhatsAppCampaigns.Core.Tests.Consent;

/// <summary>
/// The ordering rule for conflicting consent events: whole seconds, a tolerance for skewed clocks, the opt-out winning
/// whatever cannot be ordered, and the same state for any arrival order or number of duplicates.
/// </summary>
public sealed class ConsentRegisterTests
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(2);
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private static ConsentChange OptIn(DateTimeOffset at, string source = "checkout_checkbox") => new(ConsentScope.Marketing, ConsentStatus.OptedIn, source, at);

    private static ConsentChange OptOut(DateTimeOffset at, string source = "whatsapp_keyword") => new(ConsentScope.Marketing, ConsentStatus.OptedOut, source, at);

    /// <summary>The status after the changes arrive in this order, recorded an hour after noon (none of them is in the future).</summary>
    private static ConsentStatus? Decide(params ConsentChange[] arrivals) =>
        arrivals.Aggregate(ConsentRegister.Empty, (register, change) => register.With(change, Noon.AddHours(1), Tolerance)).Status(Tolerance);

    [Fact]
    public void StopInTheSameSecond_AsAnApiOptInWithMilliseconds_Wins()
    {
        // The API stamped 12:00:00.400; WhatsApp's STOP says 12:00:00, so it sorts before the opt-in.
        Assert.Equal(ConsentStatus.OptedOut, Decide(OptIn(Noon.AddMilliseconds(400)), OptOut(Noon)));
        Assert.Equal(ConsentStatus.OptedOut, Decide(OptOut(Noon), OptIn(Noon.AddMilliseconds(400))));
    }

    [Theory]
    [InlineData(90)]   // the business's clock runs 90 s ahead: its opt-in looks later than the STOP that followed it
    [InlineData(-90)]  // or behind: its opt-in looks earlier
    [InlineData(0)]
    [InlineData(120)]  // exactly the tolerance: still cannot be ordered
    public void StopWithinTheTolerance_OfAnOptIn_WinsWhicheverClockIsAhead(int optInOffsetSeconds)
    {
        var optIn = OptIn(Noon.AddSeconds(optInOffsetSeconds));
        var stop = OptOut(Noon);
        Assert.Equal(ConsentStatus.OptedOut, Decide(optIn, stop));
        Assert.Equal(ConsentStatus.OptedOut, Decide(stop, optIn));
    }

    [Fact]
    public void OptInClearlyAfterAnOptOut_WinsAndOneClearlyBeforeItLoses()
    {
        Assert.Equal(ConsentStatus.OptedIn, Decide(OptOut(Noon), OptIn(Noon.AddSeconds(121))));
        Assert.Equal(ConsentStatus.OptedIn, Decide(OptIn(Noon.AddSeconds(121)), OptOut(Noon)));
        Assert.Equal(ConsentStatus.OptedOut, Decide(OptIn(Noon.AddSeconds(-121)), OptOut(Noon)));
    }

    [Fact]
    public void AnyArrivalOrder_WithDuplicates_GivesTheSameState()
    {
        var events = new[]
        {
            OptIn(Noon.AddHours(-2)),
            OptOut(Noon.AddMinutes(-30)),
            OptIn(Noon.AddMinutes(-29)),   // within the tolerance of the opt-out: cannot outrank it
            OptIn(Noon.AddMinutes(10)),    // clearly later: re-subscribed
            OptOut(Noon.AddMinutes(11)),   // and stopped again within a minute
        };
        var expected = Decide(events);
        Assert.Equal(ConsentStatus.OptedOut, expected);
        foreach (var order in Permutations(events.Concat(events.Take(2)).ToArray()))
        {
            Assert.Equal(expected, Decide(order));
        }
    }

    [Fact]
    public void StopThenResume_BothOnWhatsAppsClock_AreOrderedExactly()
    {
        var stop = new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedOut, ConsentSources.UserPreferences, Noon);
        Assert.Equal(ConsentStatus.OptedIn, Decide(stop, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedIn, ConsentSources.UserPreferences, Noon.AddSeconds(30))));
        Assert.Equal(ConsentStatus.OptedOut, Decide(stop, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedIn, ConsentSources.WhatsAppKeyword, Noon)));
        // An API opt-in 30 s after a WhatsApp STOP comes from another clock: within the tolerance, the STOP stands.
        Assert.Equal(ConsentStatus.OptedOut, Decide(stop, OptIn(Noon.AddSeconds(30))));
    }

    [Fact]
    public void ChangesDatedByTheProductsOwnClock_AreOrderedExactly()
    {
        var erased = new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedOut, "support_agent", Noon.AddMilliseconds(300), Clock: ConsentClock.Product);
        Assert.Equal(ConsentStatus.OptedIn, Decide(erased, OptIn(Noon.AddMilliseconds(900)) with { Clock = ConsentClock.Product }));
        Assert.Equal(ConsentStatus.OptedOut, Decide(erased, OptIn(Noon.AddMilliseconds(300)) with { Clock = ConsentClock.Product }));
        // A WhatsApp STOP in the same second as a product-dated opt-in cannot be ordered: it stands.
        Assert.Equal(ConsentStatus.OptedOut, Decide(OptIn(Noon.AddMilliseconds(700)) with { Clock = ConsentClock.Product }, OptOut(Noon)));
    }

    [Fact]
    public void Duplicate_ChangesNothing()
    {
        var register = ConsentRegister.Empty.With(OptOut(Noon), Noon, Tolerance);
        Assert.Same(register, register.With(OptOut(Noon), Noon, Tolerance));
        Assert.Same(register, register.With(OptOut(Noon.AddSeconds(-5)), Noon, Tolerance));
    }

    [Fact]
    public void OptInDatedFarAhead_CountsAsNowPlusTolerance_SoALaterStopStillWins()
    {
        var register = ConsentRegister.Empty
            .With(OptIn(Noon.AddDays(30)), Noon, Tolerance)
            .With(OptOut(Noon.AddMinutes(5)), Noon.AddMinutes(5), Tolerance);
        Assert.Equal(ConsentStatus.OptedOut, register.Status(Tolerance));
        Assert.Equal(Noon + Tolerance, register.LatestOptIn!.At);
    }

    [Fact]
    public void Deciding_IsTheLatestChangeOfTheWinningKind()
    {
        var register = ConsentRegister.Empty
            .With(OptIn(Noon.AddHours(-1), "checkout_checkbox"), Noon, Tolerance)
            .With(OptOut(Noon.AddMinutes(-40), "whatsapp_button"), Noon, Tolerance)
            .With(OptOut(Noon.AddMinutes(-50), "support_agent"), Noon, Tolerance);
        Assert.Equal("whatsapp_button", register.Deciding(Tolerance)!.Source);
    }

    private static IEnumerable<T[]> Permutations<T>(T[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
