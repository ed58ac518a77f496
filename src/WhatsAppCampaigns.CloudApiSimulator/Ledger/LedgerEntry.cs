namespace WhatsAppCampaigns.CloudApiSimulator.Ledger;

/// <summary>One send the simulator accepted (HTTP 200 with a wamid).</summary>
/// <param name="Sequence">Order of acceptance, from 1.</param>
/// <param name="Wamid">Message id returned to the caller.</param>
/// <param name="PhoneNumberId">Business phone number id the send went through.</param>
/// <param name="To">The <c>to</c> field as sent.</param>
/// <param name="WaId">Digits of <c>to</c>.</param>
/// <param name="TemplateName">Template name.</param>
/// <param name="TemplateLanguage">Template language code.</param>
/// <param name="Category">Template category (MARKETING, UTILITY…).</param>
/// <param name="BizOpaqueCallbackData">Echoed in the status webhooks; null when not sent.</param>
/// <param name="AcceptedAt">Time of acceptance on the simulator's clock.</param>
/// <param name="FailureCode">Error code of the <c>failed</c> status webhook that will follow, or null when it goes sent → delivered.</param>
public sealed record LedgerEntry(
    long Sequence,
    string Wamid,
    string PhoneNumberId,
    string To,
    string WaId,
    string TemplateName,
    string TemplateLanguage,
    string Category,
    string? BizOpaqueCallbackData,
    DateTimeOffset AcceptedAt,
    int? FailureCode)
{
    /// <summary>Whether the message is reported failed by webhook after acceptance.</summary>
    public bool WillFail => FailureCode is not null;
}
