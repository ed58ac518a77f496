using System.Text.Json;
using System.Text.Json.Serialization;

namespace WhatsAppCampaigns.Core.CloudApi;

/// <summary>Wire shapes of the Graph calls this project makes; kept internal so the rest of the core sees records only.</summary>
internal static class GraphJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    internal sealed record SendRequest(
        string MessagingProduct,
        string RecipientType,
        string To,
        string Type,
        TemplateBody Template,
        string? BizOpaqueCallbackData);

    internal sealed record TemplateBody(string Name, Language Language, IReadOnlyList<TemplateComponent>? Components);

    internal sealed record Language(string Code);

    internal sealed record SendResponse(List<ContactRef>? Contacts, List<MessageRef>? Messages);

    internal sealed record ContactRef(string? Input, string? WaId);

    internal sealed record MessageRef(string Id, string? MessageStatus);

    internal sealed record ErrorEnvelope(ErrorBody? Error);

    internal sealed record ErrorBody(string? Message, string? Type, int Code, int? ErrorSubcode, ErrorData? ErrorData, string? FbtraceId);

    internal sealed record ErrorData(string? Details);

    internal sealed record TemplatePage(List<TemplateItem>? Data, Paging? Paging);

    internal sealed record TemplateItem(string? Id, string Name, string Language, string Status, string Category, List<JsonElement>? Components);

    internal sealed record Paging(Cursors? Cursors, string? Next);

    internal sealed record Cursors(string? After);

    public static SendRequest ToRequest(TemplateMessage message) => new(
        "whatsapp",
        "individual",
        message.To,
        "template",
        new TemplateBody(message.TemplateName, new Language(message.LanguageCode), message.Components.Count == 0 ? null : message.Components),
        message.CallbackData);
}
