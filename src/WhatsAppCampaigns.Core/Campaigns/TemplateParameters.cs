using WhatsAppCampaigns.Core.Audiences;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>Fills a template's body parameters from a contact's attributes.</summary>
public static class TemplateParameters
{
    /// <returns>The values in order, or null when a parameter has neither an attribute value nor a default.</returns>
    public static string[]? Resolve(IReadOnlyList<ParameterMapping> mappings, AudienceMember member)
    {
        var values = new string[mappings.Count];
        for (var i = 0; i < mappings.Count; i++)
        {
            var mapping = mappings[i];
            var value = mapping.Attribute is not null && member.Attributes.TryGetValue(mapping.Attribute, out var attribute) && !string.IsNullOrWhiteSpace(attribute)
                ? attribute
                : mapping.Default;
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            values[i] = value;
        }

        return values;
    }
}
