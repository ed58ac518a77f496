using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace WhatsAppCampaigns.Core.Contacts;

/// <summary>
/// One row per contact, partitioned by its E.164 number: every read is a point read and no partition runs hot.
/// Optional text is stored as "" rather than omitted, so that a merge clears it.
/// </summary>
internal sealed class ContactEntity : ITableEntity
{
    public const string Row = "contact";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Country { get; set; } = "";

    public string TimeZone { get; set; } = "";

    public string Locale { get; set; } = "";

    public string Tags { get; set; } = "[]";

    public string Attributes { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }

    public bool? Undeliverable { get; set; }

    public string? UndeliverableReason { get; set; }

    public DateTimeOffset? UndeliverableAt { get; set; }

    public static ContactEntity From(Contact contact) => new()
    {
        PartitionKey = contact.Phone,
        Country = contact.Country,
        TimeZone = contact.TimeZone ?? "",
        Locale = contact.Locale ?? "",
        Tags = JsonSerializer.Serialize(contact.Tags),
        Attributes = JsonSerializer.Serialize(contact.Attributes),
        UpdatedAt = contact.UpdatedAt,
    };

    public Contact ToContact() => new(
        PartitionKey,
        Country,
        TimeZone.Length == 0 ? null : TimeZone,
        Locale.Length == 0 ? null : Locale,
        JsonSerializer.Deserialize<List<string>>(Tags) ?? [],
        JsonSerializer.Deserialize<Dictionary<string, string>>(Attributes) ?? [],
        UpdatedAt,
        Undeliverable ?? false);
}
