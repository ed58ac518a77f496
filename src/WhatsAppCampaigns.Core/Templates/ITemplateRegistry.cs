namespace WhatsAppCampaigns.Core.Templates;

public interface ITemplateRegistry
{
    Task<TemplateRecord?> FindAsync(string name, string language, CancellationToken cancellationToken = default);

    Task UpsertAsync(TemplateRecord template, CancellationToken cancellationToken = default);

    /// <summary>Applies a <c>message_template_status_update</c> / <c>…_quality_update</c>; unknown templates are created as seen.</summary>
    Task UpdateStatusAsync(string name, string language, string? status, string? quality, DateTimeOffset at, CancellationToken cancellationToken = default);
}
