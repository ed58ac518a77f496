using System.Collections.Concurrent;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.IntegrationTests.Infrastructure;

/// <summary>
/// Stands in for the template registry and campaign control (built on another branch) in webhook tests:
/// records what webhook processing asked of them.
/// </summary>
public sealed class RecordingTemplateSignals : ITemplateRegistry, ICampaignControl
{
    public ConcurrentQueue<(string Name, string Language, string? Status, string? Quality)> Updates { get; } = new();

    public ConcurrentQueue<(string Name, string Language, string Reason)> Pauses { get; } = new();

    public Task<TemplateRecord?> FindAsync(string name, string language, CancellationToken cancellationToken = default) => Task.FromResult<TemplateRecord?>(null);

    public Task UpsertAsync(TemplateRecord template, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task UpdateStatusAsync(string name, string language, string? status, string? quality, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Updates.Enqueue((name, language, status, quality));
        return Task.CompletedTask;
    }

    public Task<CampaignState?> GetStateAsync(string campaignId, CancellationToken cancellationToken = default) => Task.FromResult<CampaignState?>(null);

    public Task<CampaignState?> GetCurrentStateAsync(string campaignId, CancellationToken cancellationToken = default) => Task.FromResult<CampaignState?>(null);

    public Task PauseAsync(string campaignId, string reason, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<string>> PauseUsingTemplateAsync(string templateName, string language, string reason, CancellationToken cancellationToken = default)
    {
        Pauses.Enqueue((templateName, language, reason));
        return Task.FromResult<IReadOnlyList<string>>(["campaign-1"]);
    }
}
