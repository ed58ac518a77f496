using System.Text.Json;

namespace WhatsAppCampaigns.Api.Templates;

/// <summary>The body of <c>PUT /api/templates/{name}/{language}</c>.</summary>
public sealed class TemplateRequest
{
    /// <summary><c>MARKETING</c>, <c>UTILITY</c> or <c>AUTHENTICATION</c>.</summary>
    public string? Category { get; set; }

    /// <summary>Meta's status: <c>APPROVED</c>, <c>PENDING</c>, <c>REJECTED</c>, <c>PAUSED</c>, …</summary>
    public string? Status { get; set; }

    public string? Quality { get; set; }

    /// <summary>Graph's component objects; the BODY's text gives the parameter count when none is given.</summary>
    public List<JsonElement>? Components { get; set; }

    public int? ParameterCount { get; set; }
}
