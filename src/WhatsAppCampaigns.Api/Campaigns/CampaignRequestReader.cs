using System.Globalization;
using System.Text.RegularExpressions;
using WhatsAppCampaigns.Core.Audiences;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Api.Campaigns;

/// <summary>Turns a <see cref="CampaignRequest"/> into a <see cref="CampaignDraft"/>, collecting every field error.</summary>
public static partial class CampaignRequestReader
{
    public static (CampaignDraft? Draft, Dictionary<string, string[]> Errors) Read(CampaignRequest request)
    {
        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            Error("name", "Required, at most 200 characters.");
        }

        var kind = request.Kind?.Trim().ToLowerInvariant() switch
        {
            null or "" or "standard" => CampaignKind.Standard,
            "consent_notice" => CampaignKind.ConsentNotice,
            _ => (CampaignKind?)null,
        };
        if (kind is null)
        {
            Error("kind", "Must be standard or consent_notice.");
        }

        var variants = ReadVariants(request, Error);
        var segment = ReadAudience(request.Audience, Error);

        var parameters = (request.Parameters ?? []).Select(p => new ParameterMapping(Blank(p.Attribute), Blank(p.Default))).ToArray();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Attribute is null && parameters[i].Default is null)
            {
                Error($"parameters[{i}]", "Needs an attribute, a default, or both.");
            }
        }

        var test = request.Test?.Read(variants, Error);
        var policy = ReadPolicy(request, Error);
        var numbers = request.PhoneNumberIds ?? [];
        if (numbers.Any(n => !NumericId().IsMatch(n)))
        {
            Error("phoneNumberIds", "Phone number ids are numeric.");
        }

        if (errors.Count > 0)
        {
            return (null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        return (new CampaignDraft(request.Name!.Trim(), kind!.Value, variants, segment!, parameters, request.StartAt, policy!, numbers, test), []);
    }

    /// <summary>The field that carries an <c>audience</c> error: the API answers it with code <c>audience_required</c>.</summary>
    public const string AudienceField = "audience";

    private static Segment? ReadAudience(AudienceRequest? audience, Action<string, string> error)
    {
        if (audience is null)
        {
            error(AudienceField, "Required: tags (allOf/anyOf), countries or attributes to select, or \"all\": true for every contact.");
            return null;
        }

        foreach (var (field, tags) in new[] { ("allOf", audience.AllOf), ("anyOf", audience.AnyOf), ("noneOf", audience.NoneOf) })
        {
            if ((tags ?? []).Any(t => !ContactValidator.IsValidName(t?.Trim())) || tags?.Count > ContactValidator.MaxTags)
            {
                error($"audience.{field}", $"At most {ContactValidator.MaxTags} tags, as contacts name them: 1–64 letters, digits, '_' or '-'.");
            }
        }

        foreach (var country in audience.Countries ?? [])
        {
            if (country is null || !CountryCode().IsMatch(country))
            {
                error("audience.countries", $"'{country}' is not an ISO 3166-1 alpha-2 code.");
            }
        }

        if ((audience.Attributes ?? []).Any(a => !ContactValidator.IsValidName(a.Key) || a.Value is null || a.Value.Length > ContactValidator.MaxAttributeValueLength))
        {
            error("audience.attributes", $"Attribute names as contacts name them (1–64 letters, digits, '_' or '-'), values up to {ContactValidator.MaxAttributeValueLength} characters.");
        }

        var segment = new Segment(audience.AllOf, audience.AnyOf, audience.NoneOf, audience.Countries, audience.Attributes, audience.All == true).Normalized();
        if (!segment.IsExplicit)
        {
            error(AudienceField, "Selects nobody in particular: give tags (allOf/anyOf), countries or attributes, or \"all\": true for every contact.");
        }

        return segment;
    }

    private static List<CampaignVariant> ReadVariants(CampaignRequest request, Action<string, string> error)
    {
        var variants = new List<CampaignVariant>();
        if ((request.Template is null) == (request.Variants is not { Count: > 0 }))
        {
            error("template", "Give either template or variants (not both).");
            return variants;
        }

        if (request.Template is { } single)
        {
            if (ValidTemplate(single, "template", error))
            {
                variants.Add(new CampaignVariant("a", single.Name!.Trim(), single.Language!.Trim()));
            }

            return variants;
        }

        for (var i = 0; i < request.Variants!.Count; i++)
        {
            var v = request.Variants[i];
            var name = Blank(v.Name) ?? ((char)('a' + i)).ToString();
            if (!VariantName().IsMatch(name) || variants.Any(x => x.Name == name))
            {
                error($"variants[{i}].name", "Letters, digits and _ only, unique.");
            }

            if (v.Weight < 1)
            {
                error($"variants[{i}].weight", "Must be at least 1.");
            }

            if (v.Template is not null && ValidTemplate(v.Template, $"variants[{i}].template", error))
            {
                variants.Add(new CampaignVariant(name, v.Template.Name!.Trim(), v.Template.Language!.Trim(), v.Weight));
            }
            else if (v.Template is null)
            {
                error($"variants[{i}].template", "Required.");
            }
        }

        return variants;
    }

    private static bool ValidTemplate(TemplateReference template, string field, Action<string, string> error)
    {
        var ok = TemplateNames.IsValidName(template.Name?.Trim()) && TemplateNames.IsValidLanguage(template.Language?.Trim());
        if (!ok)
        {
            error(field, "Needs name (lowercase letters, digits and _) and language (a code like en or en_US).");
        }

        return ok;
    }

    private static SendPolicy? ReadPolicy(CampaignRequest request, Action<string, string> error)
    {
        var policy = SendPolicy.Default;
        if (request.QuietHours is { } quiet)
        {
            var start = ParseTime(quiet.Start, "quietHours.start", error);
            var end = ParseTime(quiet.End, "quietHours.end", error);
            if ((start is null) != (end is null))
            {
                error("quietHours", "Give both start and end, or neither.");
            }

            policy = policy with { QuietHoursStart = start, QuietHoursEnd = end };
        }

        if (request.FrequencyCap is { } cap)
        {
            // NaN passes every comparison and 1e308 hours overflows a TimeSpan: the window is only built once it is sane.
            if (cap.Messages < 1 || !double.IsFinite(cap.WindowHours) || cap.WindowHours is <= 0 or > 24 * 30)
            {
                error("frequencyCap", "At least 1 message in a window of up to 30 days.");
            }
            else
            {
                policy = policy with { FrequencyCapMessages = cap.Messages, FrequencyCapWindow = TimeSpan.FromHours(cap.WindowHours) };
            }
        }

        return policy;
    }

    private static TimeOnly? ParseTime(string? value, string field, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        error(field, "Use HH:mm.");
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex(@"^\d{1,32}$")]
    private static partial Regex NumericId();

    [GeneratedRegex("^[A-Za-z0-9_]{1,20}$")]
    private static partial Regex VariantName();
}
