using System.Collections.Concurrent;
using PhoneNumbers;
using WhatsAppCampaigns.Core.Contacts;

namespace WhatsAppCampaigns.Core.Sending.Policy;

/// <summary>
/// The time zones a recipient may be in: the contact's own IANA zone, else every zone libphonenumber gives for the
/// number, or for a mobile or unrecognised number every zone of its country (Indonesia's mobiles: Jakarta, Makassar,
/// Jayapura; Mexico's several zones). Quiet hours must hold in all. A number with no known zone falls back to UTC.
/// </summary>
public sealed class RecipientTimeZones
{
    private const string UnknownZone = "Etc/Unknown";
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
            var util = PhoneNumberUtil.GetInstance();
            var mapper = PhoneNumberToTimeZonesMapper.GetInstance();
            var number = util.Parse(phone, null);
            ids = mapper.GetTimeZonesForNumber(number).Where(id => id != UnknownZone).ToArray();
            if (util.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.UNKNOWN || ids.Count == 0)
            {
                // A mobile travels with its owner (and libphonenumber pins Indonesia's to Jakarta): take every zone of the country.
                var country = new PhoneNumber.Builder().SetCountryCode(number.CountryCode).SetNationalNumber(0).Build();
                ids = mapper.GetTimeZonesForGeographicalNumber(country).Where(id => id != UnknownZone).ToArray();
            }
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
