namespace WhatsAppCampaigns.Api.Campaigns;

/// <summary>The body of <c>POST /api/campaigns</c> and <c>POST /api/campaigns/forecast</c>.</summary>
public sealed class CampaignRequest
{
    public string? Name { get; set; }

    /// <summary><c>standard</c> (default) or <c>consent_notice</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>A single template; or use <see cref="Variants"/>.</summary>
    public TemplateReference? Template { get; set; }

    public List<VariantRequest>? Variants { get; set; }

    public AudienceRequest? Audience { get; set; }

    /// <summary>Body parameters in order: <c>{"attribute":"first_name","default":"there"}</c>.</summary>
    public List<ParameterRequest>? Parameters { get; set; }

    public DateTimeOffset? StartAt { get; set; }

    /// <summary>Omitted: 21:00–08:00 recipient local time. <c>{"start":null,"end":null}</c> disables quiet hours.</summary>
    public QuietHoursRequest? QuietHours { get; set; }

    /// <summary>Omitted: one marketing message per recipient per 24 h.</summary>
    public FrequencyCapRequest? FrequencyCap { get; set; }

    public List<string>? PhoneNumberIds { get; set; }

    /// <summary>Omitted: no test, variants split by weight over the whole audience.</summary>
    public TestPlanRequest? Test { get; set; }
}

public sealed class TemplateReference
{
    public string? Name { get; set; }

    public string? Language { get; set; }
}

public sealed class VariantRequest
{
    public string? Name { get; set; }

    public TemplateReference? Template { get; set; }

    public int Weight { get; set; } = 1;
}

/// <summary>Required: whom the campaign is for. <c>{"all":true}</c> is the only way to target every contact.</summary>
public sealed class AudienceRequest
{
    public bool? All { get; set; }

    public List<string>? AllOf { get; set; }

    public List<string>? AnyOf { get; set; }

    public List<string>? NoneOf { get; set; }

    public List<string>? Countries { get; set; }

    public Dictionary<string, string>? Attributes { get; set; }
}

public sealed class ParameterRequest
{
    public string? Attribute { get; set; }

    public string? Default { get; set; }
}

public sealed class QuietHoursRequest
{
    public string? Start { get; set; }

    public string? End { get; set; }
}

public sealed class FrequencyCapRequest
{
    public int Messages { get; set; } = 1;

    public double WindowHours { get; set; } = 24;
}
