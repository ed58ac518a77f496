namespace WhatsAppCampaigns.Core.Storage;

/// <summary>The unprefixed names of tables that features own, collected at registration so start-up can create them.</summary>
public sealed class TableRegistry
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _names;

    public TableRegistry Add(params string[] names)
    {
        foreach (var name in names)
        {
            _names.Add(name);
        }

        return this;
    }
}
