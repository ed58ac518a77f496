using System.Text.Json.Nodes;
using WhatsAppCampaigns.CloudApiSimulator.Webhooks;

namespace WhatsAppCampaigns.CloudApiSimulator.Control;

/// <summary><c>/_sim/inbound/*</c>: make a user (or Meta) send a webhook. Each answers the <see cref="WebhookPostResult"/>.</summary>
internal static class ControlInboundEndpoints
{
    public static RouteGroupBuilder MapInbound(this RouteGroupBuilder group)
    {
        var inbound = group.MapGroup("/inbound");
        inbound.MapPost("/text", (InboundTextRequest r, InboundWebhookPoster poster, CancellationToken ct) =>
            Required(r.From, r.Body) ?? Post(poster.PostTextAsync(r.From, r.Body, r.Name, r.PhoneNumberId, ct)));
        inbound.MapPost("/button", (InboundButtonRequest r, InboundWebhookPoster poster, CancellationToken ct) =>
            Required(r.From, r.Payload, r.Text) ?? Post(poster.PostButtonAsync(r.From, r.Payload, r.Text, r.ContextId, r.Name, r.PhoneNumberId, ct)));
        inbound.MapPost("/user-preferences", (UserPreferenceRequest r, InboundWebhookPoster poster, CancellationToken ct) =>
            Required(r.WaId, r.Value)
            ?? (r.Value.Trim().ToLowerInvariant() is "stop" or "resume"
                ? Post(poster.PostUserPreferenceAsync(r.WaId, r.Value, ct))
                : Task.FromResult(ControlResults.BadRequest("value must be 'stop' or 'resume'."))));
        inbound.MapPost("/template-status", (TemplateStatusRequest r, InboundWebhookPoster poster, CancellationToken ct) =>
            Required(r.Name, r.Language, r.Event) ?? Post(poster.PostTemplateStatusAsync(r.Name, r.Language, r.Event, r.Reason, ct)));
        inbound.MapPost("/raw", (JsonObject payload, InboundWebhookPoster poster, CancellationToken ct) =>
            Post(poster.PostRawAsync(payload, ct)));
        return group;
    }

    private static async Task<IResult> Post(Task<WebhookPostResult> posting) => Results.Ok(await posting.ConfigureAwait(false));

    private static Task<IResult>? Required(params string?[] values) =>
        values.Any(string.IsNullOrWhiteSpace) ? Task.FromResult(ControlResults.BadRequest("A required field is missing.")) : null;
}
