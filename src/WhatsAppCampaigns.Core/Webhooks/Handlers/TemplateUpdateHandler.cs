using System.Text.Json;
using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Webhooks.Handlers;

/// <summary>
/// Template status and quality updates go to the template registry; a template that Meta pauses or disables
/// pauses every running campaign that sends it, before its sends start failing with 132015/132016.
/// </summary>
internal sealed partial class TemplateUpdateHandler(
    ILogger<TemplateUpdateHandler> logger,
    WebhookProcessingStats stats,
    ITemplateRegistry? registry = null,
    ICampaignControl? campaigns = null) : IWebhookChangeHandler
{
    public const string StatusField = "message_template_status_update";
    public const string QualityField = "message_template_quality_update";

    public bool Handles(string field) => field is StatusField or QualityField;

    public async Task HandleAsync(WebhookChangeContext change, CancellationToken cancellationToken)
    {
        var value = change.Value.Deserialize<TemplateUpdateValue>(WebhookJson.Options);
        if (value?.MessageTemplateName is not { Length: > 0 } name || value.MessageTemplateLanguage is not { Length: > 0 } language)
        {
            LogIncomplete(logger, change.Field);
            return;
        }

        // The registry keys templates by name and language: they must be usable as keys; the reason is stored.
        if (!TableLimits.IsValidKey(name) || !TableLimits.IsValidKey(language) || !TableLimits.FitsProperty(value.Reason, 1_024))
        {
            stats.Drop(change.Field, "template_name_or_language_invalid");
            return;
        }

        if (registry is null || campaigns is null)
        {
            // Only until the template registry and campaign control are registered in every host.
            LogNotRegistered(logger, change.Field, name);
            return;
        }

        var status = change.Field == StatusField ? value.Event?.ToUpperInvariant() : null;
        var quality = change.Field == QualityField ? value.NewQualityScore?.ToUpperInvariant() : null;
        await registry.UpdateStatusAsync(name, language, status, quality, change.At, cancellationToken);

        if (status is "PAUSED" or "DISABLED")
        {
            var reason = $"template_{status.ToLowerInvariant()}" + (value.Reason is { Length: > 0 } r ? $": {r}" : "");
            var paused = await campaigns.PauseUsingTemplateAsync(name, language, reason, cancellationToken);
            LogPaused(logger, name, language, status, paused.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a '{Field}' change without template name or language")]
    private static partial void LogIncomplete(ILogger logger, string field);

    [LoggerMessage(Level = LogLevel.Error, Message = "No template registry or campaign control registered: '{Field}' for template {Template} was not applied")]
    private static partial void LogNotRegistered(ILogger logger, string field, string template);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Template {Template} ({Language}) is {Status}: paused {Count} running campaigns")]
    private static partial void LogPaused(ILogger logger, string template, string language, string status, int count);
}
