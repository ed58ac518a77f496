using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Sending.Policy;

namespace WhatsAppCampaigns.Core.Tests.Sending;

public sealed class QuietHoursTests
{
    private static readonly TimeOnly Start = new(21, 0);
    private static readonly TimeOnly End = new(8, 0);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 13, 30, 0, TimeSpan.Zero);

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    [Theory]
    [InlineData("America/Mexico_City", "2026-03-02T14:00:00Z")]
    [InlineData("Asia/Jakarta", null)]
    [InlineData("Asia/Makassar", "2026-03-03T00:00:00Z")]
    [InlineData("Asia/Jayapura", "2026-03-02T23:00:00Z")]
    public void NextAllowed_InOneZone_IsLocalMorningOrNow(string zone, string? expected) =>
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), QuietHours.NextAllowed(Now, [Zone(zone)], Start, End));

    [Fact]
    public void NextAllowed_AcrossIndonesiasZones_WaitsUntilMorningEverywhere() =>
        Assert.Equal(
            new DateTimeOffset(2026, 3, 3, 1, 0, 0, TimeSpan.Zero),
            QuietHours.NextAllowed(Now, [Zone("Asia/Jakarta"), Zone("Asia/Makassar"), Zone("Asia/Jayapura")], Start, End));

    [Fact]
    public void NextAllowed_WithoutQuietHours_IsNow() =>
        Assert.Null(QuietHours.NextAllowed(Now, [Zone("Asia/Jayapura")], null, null));

    [Theory]
    [InlineData("+6281234567890", "Asia/Jakarta,Asia/Jayapura,Asia/Makassar")]
    [InlineData("+6241155512", "Asia/Makassar")]
    [InlineData("+525512340001", "America/Mexico_City")]
    public void TimeZones_FromTheNumber_MobilesTakeEveryZoneOfTheirCountry(string phone, string expected)
    {
        var zones = new RecipientTimeZones().For(phone, null).Select(z => z.Id).Order();

        Assert.Equal(expected, string.Join(',', zones));
    }

    [Fact]
    public void TimeZones_ContactsOwnZone_Wins()
    {
        var contact = new Contact("+6281234567890", "ID", "Asia/Makassar", null, [], new Dictionary<string, string>(), Now);

        Assert.Equal("Asia/Makassar", Assert.Single(new RecipientTimeZones().For(contact.Phone, contact)).Id);
    }
}
