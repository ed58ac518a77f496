using WhatsAppCampaigns.Core.Audiences;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Campaigns;

public enum CampaignKind
{
    /// <summary>A marketing or utility campaign to contacts who consented to its category.</summary>
    Standard,

    /// <summary>
    /// A one-time utility message to contacts with utility consent only, telling them marketing may follow and how to
    /// opt out (the seed article's advice). Each person receives at most one, ever.
    /// </summary>
    ConsentNotice,
}

/// <summary>A campaign as launched: immutable once it runs.</summary>
/// <param name="Variants">One or more templates; recipients are split by weight, stably per recipient.</param>
/// <param name="Parameters">Body parameters in order (<c>{{1}}</c>, <c>{{2}}</c>, …).</param>
/// <param name="PhoneNumberIds">Sending numbers; empty = the sender's pool.</param>
/// <param name="Test">A variant test on a sample before the winner goes to the rest; null = variants split by weight.</param>
public sealed record CampaignDefinition(
    string Id,
    string Name,
    CampaignKind Kind,
    TemplateCategory Category,
    IReadOnlyList<CampaignVariant> Variants,
    Segment Audience,
    IReadOnlyList<ParameterMapping> Parameters,
    DateTimeOffset? StartAt,
    SendPolicy Policy,
    IReadOnlyList<string> PhoneNumberIds,
    DateTimeOffset CreatedAt,
    Testing.TestPlan? Test = null);

public sealed record CampaignVariant(string Name, string TemplateName, string Language, int Weight = 1);

/// <summary>A template parameter taken from a contact attribute, or <paramref name="Default"/> when the contact lacks it.</summary>
/// <param name="Attribute">Null for a constant parameter (then <paramref name="Default"/> is required).</param>
public sealed record ParameterMapping(string? Attribute, string? Default = null);
