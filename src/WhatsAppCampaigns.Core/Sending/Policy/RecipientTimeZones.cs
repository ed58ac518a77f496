using System.Collections.Concurrent;
using PhoneNumbers;
using WhatsAppCampaigns.Core.Contacts;

namespace WhatsAppCampaigns.Core.Sending.Policy;

/// <summary>
/// The time zones a recipient may be in: the contact's own IANA zone, else every zone libphonenumber gives for the
/// number (Indonesia's mobiles: Jakarta, Makassar, Jayapura; Mexico's several zones). Quiet hours must hold in all.
/// A number with no known zone falls back to UTC.
/// </summary>
public sealed class RecipientTimeZones
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<TimeZoneInfo>> _byZoneList = new();

    public IReadOnlyList<TimeZoneInfo> For(string phone, Contact? contact)
    {
        if (contact?.TimeZone is { Length: > 0 } own && TryFind(own) is { } zone)
        {
            return [zone];
        }

        IReadOnlyList<string> ids;
        try
        {
            var number = PhoneNumberUtil.GetInstance().Parse(phone, null);
            ids = PhoneNumberToTimeZonesMapper.GetInstance().GetTimeZonesForNumber(number).ToArray();
        }
        catch (NumberParseException)
        {
            ids = [];
        }

        return _byZoneList.GetOrAdd(string.Join('|', ids), _ =>
        {
            var zones = ids.Select(TryFind).OfType<TimeZoneInfo>().ToArray();
            return zones.Length == 0 ? [TimeZoneInfo.Utc] : zones;
        });
    }

    private static TimeZoneInfo? TryFind(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
