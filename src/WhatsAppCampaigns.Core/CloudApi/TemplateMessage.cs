namespace WhatsAppCampaigns.Core.CloudApi;

/// <summary>A template message to one recipient, as the Cloud API's <c>/messages</c> call takes it.</summary>
/// <param name="To">Recipient in E.164.</param>
/// <param name="CallbackData">Echoed by every status webhook of the message (<c>biz_opaque_callback_data</c>).</param>
public sealed record TemplateMessage(
    string To,
    string TemplateName,
    string LanguageCode,
    IReadOnlyList<TemplateComponent> Components,
    string? CallbackData = null);

/// <param name="Type"><c>header</c>, <c>body</c> or <c>button</c>.</param>
/// <param name="SubType">For buttons: <c>quick_reply</c> or <c>url</c>.</param>
/// <param name="Index">For buttons: the button's position, as a string like Graph expects.</param>
public sealed record TemplateComponent(
    string Type,
    IReadOnlyList<TemplateParameter> Parameters,
    string? SubType = null,
    string? Index = null)
{
    public static TemplateComponent Body(params string[] texts) =>
        new("body", texts.Select(TemplateParameter.FromText).ToArray());
}

/// <param name="Type"><c>text</c> or <c>payload</c>.</param>
/// <param name="ParameterName">Set for templates with named parameters (<c>{{first_name}}</c>).</param>
public sealed record TemplateParameter(string Type, string? Text = null, string? Payload = null, string? ParameterName = null)
{
    public static TemplateParameter FromText(string text) => new("text", Text: text);
}
