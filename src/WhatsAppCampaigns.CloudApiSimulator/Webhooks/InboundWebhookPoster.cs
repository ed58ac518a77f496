using System.Text;
using System.Text.Json.Nodes;
using WhatsAppCampaigns.CloudApiSimulator.Graph;
using WhatsAppCampaigns.CloudApiSimulator.Hosting;
using WhatsAppCampaigns.CloudApiSimulator.Scenario;
using WhatsAppCampaigns.CloudApiSimulator.Templates;

namespace WhatsAppCampaigns.CloudApiSimulator.Webhooks;

/// <summary>
/// Posts user- and Meta-originated webhooks right away (awaited, with retries) and applies their effect on the
/// simulated world first: a "stop" preference stops marketing, a PAUSED template update pauses the template.
/// </summary>
internal sealed class InboundWebhookPoster(SimulatorContext context, WebhookSender sender)
{
    private const string DefaultProfileName = "Simulated User";
    private long _sequence;

    public Task<WebhookPostResult> PostTextAsync(string from, string body, string? profileName, string? phoneNumberId, CancellationToken cancellationToken)
    {
        var waId = PhoneNumberText.ToWaId(from);
        var id = NextMessageId();
        var payload = InboundPayloadFactory.Text(context.Options.WabaId, context.PhoneNumberOrDefault(phoneNumberId), waId, profileName ?? DefaultProfileName, id, context.Time.GetUtcNow(), body);
        return PostAsync(payload, id, cancellationToken);
    }

    public Task<WebhookPostResult> PostButtonAsync(
        string from, string payloadText, string text, string? contextWamid, string? profileName, string? phoneNumberId, CancellationToken cancellationToken)
    {
        var waId = PhoneNumberText.ToWaId(from);
        var id = NextMessageId();
        var payload = InboundPayloadFactory.Button(
            context.Options.WabaId, context.PhoneNumberOrDefault(phoneNumberId), waId, profileName ?? DefaultProfileName, id, context.Time.GetUtcNow(), payloadText, text, contextWamid);
        return PostAsync(payload, id, cancellationToken);
    }

    public Task<WebhookPostResult> PostUserPreferenceAsync(string waIdOrPhone, string value, CancellationToken cancellationToken)
    {
        var normalized = value.Trim().ToLowerInvariant();
        if (normalized is not ("stop" or "resume"))
        {
            throw new ArgumentException("A marketing preference is 'stop' or 'resume'.", nameof(value));
        }
        var waId = PhoneNumberText.ToWaId(waIdOrPhone);
        if (normalized == "stop")
        {
            context.Scenario.StopUser(waId);
        }
        else
        {
            context.Scenario.ResumeUser(waId);
        }
        var payload = InboundPayloadFactory.UserPreference(context.Options.WabaId, context.DefaultPhoneNumber, waId, DefaultProfileName, normalized, context.Time.GetUtcNow());
        return PostAsync(payload, null, cancellationToken);
    }

    public Task<WebhookPostResult> PostTemplateStatusAsync(string name, string language, string @event, string? reason, CancellationToken cancellationToken)
    {
        var upper = @event.Trim().ToUpperInvariant();
        // REINSTATED makes a paused template sendable again; other events map one-to-one onto a status.
        var status = upper == "REINSTATED" ? TemplateStatuses.Approved : upper;
        context.Templates.SetStatus(name, language, status);
        var templateId = context.Templates.Find(name, language)?.EffectiveId
            ?? new SimulatedTemplate { Name = name, Language = language }.EffectiveId;
        var payload = InboundPayloadFactory.TemplateStatus(context.Options.WabaId, templateId, name, language, upper, reason ?? "NONE");
        return PostAsync(payload, null, cancellationToken);
    }

    public Task<WebhookPostResult> PostRawAsync(JsonNode payload, CancellationToken cancellationToken) =>
        PostAsync(payload, null, cancellationToken);

    private async Task<WebhookPostResult> PostAsync(JsonNode payload, string? messageId, CancellationToken cancellationToken)
    {
        var result = await sender.PostAsync(SimulatorJson.WebhookBytes(payload), cancellationToken).ConfigureAwait(false);
        return messageId is null ? result : result.WithMessageId(messageId);
    }

    // Negative sequences keep inbound ids apart from the ids of accepted sends.
    private string NextMessageId() => WamidGenerator.Create(-Interlocked.Increment(ref _sequence));
}
