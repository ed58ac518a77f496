namespace WhatsAppCampaigns.Core.Sending.Policy;

/// <summary>Quiet hours in the recipient's local time, conservatively across every zone the recipient may be in.</summary>
public static class QuietHours
{
    /// <summary>Null when sending is allowed now in every zone; otherwise the earliest time it is.</summary>
    public static DateTimeOffset? NextAllowed(DateTimeOffset now, IReadOnlyList<TimeZoneInfo> zones, TimeOnly? start, TimeOnly? end)
    {
        if (start is not { } quietStart || end is not { } quietEnd || quietStart == quietEnd)
        {
            return null;
        }

        var candidate = now;
        // Leaving quiet hours in one zone can land inside them in another; a few rounds settle it.
        for (var round = 0; round < 8; round++)
        {
            var latestEnd = zones.Select(zone => EndOfQuiet(candidate, zone, quietStart, quietEnd)).Max();
            if (latestEnd is null)
            {
                return candidate == now ? null : candidate;
            }

            candidate = latestEnd.Value;
        }

        // The zones share no allowed hour (a country spanning half the globe): the first, most likely zone decides.
        return zones.Count > 1 ? NextAllowed(now, [zones[0]], start, end) : now.AddDays(1);
    }

    /// <summary>Null when <paramref name="at"/> is outside quiet hours in <paramref name="zone"/>; else when they end there.</summary>
    public static DateTimeOffset? EndOfQuiet(DateTimeOffset at, TimeZoneInfo zone, TimeOnly start, TimeOnly end)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var quiet = start < end ? time >= start && time < end : time >= start || time < end;
        if (!quiet)
        {
            return null;
        }

        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (time >= end)
        {
            endDate = endDate.AddDays(1);
        }

        var endLocal = endDate.ToDateTime(end);
        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal));
    }
}
