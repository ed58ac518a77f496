namespace WhatsAppCampaigns.CloudApiSimulator.Control;

/// <summary>Body of <c>POST /_sim/inbound/text</c>.</summary>
public sealed record InboundTextRequest(string From, string Body, string? Name = null, string? PhoneNumberId = null);

/// <summary>Body of <c>POST /_sim/inbound/button</c>; <c>ContextId</c> is the wamid of the template answered.</summary>
public sealed record InboundButtonRequest(string From, string Payload, string Text, string? ContextId = null, string? Name = null, string? PhoneNumberId = null);

/// <summary>Body of <c>POST /_sim/inbound/user-preferences</c>; <c>Value</c> is <c>stop</c> or <c>resume</c>.</summary>
public sealed record UserPreferenceRequest(string WaId, string Value);

/// <summary>Body of <c>POST /_sim/inbound/template-status</c>; <c>Event</c> e.g. PAUSED, DISABLED, REINSTATED, APPROVED.</summary>
public sealed record TemplateStatusRequest(string Name, string Language, string Event, string? Reason = null);

/// <summary>Body of the stopped-user and undeliverable endpoints.</summary>
public sealed record PhoneRequest(string Phone);

/// <summary>Body of <c>POST /_sim/scenario/fail-next</c>.</summary>
public sealed record FailNextRequest(int Count, int Code, int? Subcode = null);
