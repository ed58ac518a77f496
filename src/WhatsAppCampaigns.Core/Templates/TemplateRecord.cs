namespace WhatsAppCampaigns.Core.Templates;

public enum TemplateCategory
{
    Marketing,
    Utility,
    Authentication,
}

/// <summary>A message template the business registered with Meta, as the registry knows it.</summary>
/// <param name="Status">Meta's status: <c>APPROVED</c>, <c>PENDING</c>, <c>REJECTED</c>, <c>PAUSED</c>, <c>DISABLED</c>, …</param>
/// <param name="Quality"><c>GREEN</c>, <c>YELLOW</c>, <c>RED</c> or <c>UNKNOWN</c>.</param>
/// <param name="ParameterCount">Body parameters the template expects.</param>
/// <param name="ComponentsJson">The template's components (HEADER, BODY, FOOTER, BUTTONS) as Graph describes them, a JSON array.</param>
public sealed record TemplateRecord(
    string Name,
    string Language,
    TemplateCategory Category,
    string Status,
    string Quality,
    int ParameterCount,
    string? BodyText,
    DateTimeOffset UpdatedAt,
    string? ComponentsJson = null)
{
    public bool IsSendable => string.Equals(Status, "APPROVED", StringComparison.OrdinalIgnoreCase);
}
