using System.Text.Json;
using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.Core.CloudApi;

namespace WhatsAppCampaigns.Core.Templates;

/// <summary>Reads the account's templates from Graph and records each in the registry.</summary>
public sealed partial class TemplateSync(ICloudApiClient graph, ITemplateRegistry registry, TimeProvider clock, ILogger<TemplateSync> logger)
{
    public async Task<TemplateSyncResult> RunAsync(CancellationToken cancellationToken)
    {
        var templates = await graph.ListTemplatesAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var synced = 0;
        var unknownCategory = new List<string>();
        foreach (var template in templates)
        {
            if (!TemplateBody.TryParseCategory(template.Category, out var category))
            {
                unknownCategory.Add($"{template.Name}/{template.Language}");
                continue;
            }

            var body = TemplateBody.FindBodyText(template.Components);
            var existing = await registry.FindAsync(template.Name, template.Language, cancellationToken);
            await registry.UpsertAsync(
                new TemplateRecord(
                    template.Name,
                    template.Language,
                    category,
                    template.Status.ToUpperInvariant(),
                    existing?.Quality ?? "UNKNOWN",
                    TemplateBody.CountParameters(body),
                    body,
                    now,
                    JsonSerializer.Serialize(template.Components)),
                cancellationToken);
            synced++;
        }

        LogSynced(logger, synced, unknownCategory.Count);
        return new TemplateSyncResult(synced, unknownCategory);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Template sync: {Synced} recorded, {Skipped} with an unknown category")]
    private static partial void LogSynced(ILogger logger, int synced, int skipped);
}

public sealed record TemplateSyncResult(int Synced, IReadOnlyList<string> SkippedUnknownCategory);
