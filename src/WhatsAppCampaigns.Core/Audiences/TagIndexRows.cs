using System.Text.Json;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Contacts;

namespace WhatsAppCampaigns.Core.Audiences;

/// <summary>
/// Rows of table <c>TagIndex</c>: PK = normalized tag (or <see cref="TagKeys.AllContactsPartition"/>), RK = phone (E.164),
/// with copies of the contact's country, tags and attributes so segments filter without reading contacts.
/// </summary>
public static class TagIndexRows
{
    public const string TableName = "TagIndex";

    public static TableEntity ToEntity(string partition, Contact contact, IReadOnlyList<string> normalizedTags) => new(partition, contact.Phone)
    {
        ["Country"] = contact.Country.ToUpperInvariant(),
        ["Tags"] = JsonSerializer.Serialize(normalizedTags),
        ["Attributes"] = JsonSerializer.Serialize(contact.Attributes),
        ["Undeliverable"] = contact.Undeliverable,
        ["ContactUpdatedAt"] = contact.UpdatedAt,
    };

    public static AudienceMember ToMember(TableEntity e) => new(
        e.RowKey,
        e.GetString("Country") ?? "",
        JsonSerializer.Deserialize<string[]>(e.GetString("Tags") ?? "[]") ?? [],
        JsonSerializer.Deserialize<Dictionary<string, string>>(e.GetString("Attributes") ?? "{}") ?? [],
        e.GetBoolean("Undeliverable") ?? false);
}
