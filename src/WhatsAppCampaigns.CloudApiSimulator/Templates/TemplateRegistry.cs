using System.Collections.Concurrent;

namespace WhatsAppCampaigns.CloudApiSimulator.Templates;

/// <summary>The WABA's templates, keyed by name and language; safe to read and change concurrently.</summary>
public sealed class TemplateRegistry
{
    private readonly ConcurrentDictionary<(string Name, string Language), SimulatedTemplate> _templates = new();

    internal TemplateRegistry(IEnumerable<SimulatedTemplate> templates)
    {
        foreach (var template in templates)
        {
            Upsert(template);
        }
    }

    /// <summary>Adds or replaces a template.</summary>
    public void Upsert(SimulatedTemplate template) => _templates[(template.Name, template.Language)] = template;

    /// <summary>The template with this name and language, if registered.</summary>
    public SimulatedTemplate? Find(string name, string language) =>
        _templates.TryGetValue((name, language), out var template) ? template : null;

    /// <summary>Whether any language of this name is registered (distinguishes 132001's two messages).</summary>
    public bool HasName(string name) => _templates.Keys.Any(k => k.Name == name);

    /// <summary>Sets a template's status (e.g. <c>PAUSED</c>); false when it is not registered.</summary>
    public bool SetStatus(string name, string language, string status)
    {
        while (_templates.TryGetValue((name, language), out var current))
        {
            if (_templates.TryUpdate((name, language), current with { Status = status }, current))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>All templates in a stable order (name, then language) so paging cursors stay valid.</summary>
    public IReadOnlyList<SimulatedTemplate> All() =>
        _templates.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Language, StringComparer.Ordinal).ToList();
}
