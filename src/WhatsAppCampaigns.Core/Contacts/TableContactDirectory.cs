using Azure;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Contacts;

/// <summary>Contacts in table <c>Contacts</c>: the directory senders read, and the writes the contacts API makes.</summary>
public sealed class TableContactDirectory(StorageClients storage) : IContactDirectory
{
    public const string TableName = "Contacts";

    private TableClient Table => storage.Table(TableName);

    public async Task<Contact?> FindAsync(string phone, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<ContactEntity>(phone, ContactEntity.Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ToContact() : null;
    }

    /// <summary>Creates or replaces the contact's own data; an undeliverable mark that Graph reported is kept.</summary>
    public Task UpsertAsync(Contact contact, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(ContactEntity.From(contact), TableUpdateMode.Merge, cancellationToken);

    public async Task MarkUndeliverableAsync(string phone, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var mark = new TableEntity(phone, ContactEntity.Row)
        {
            [nameof(ContactEntity.Undeliverable)] = true,
            [nameof(ContactEntity.UndeliverableReason)] = reason,
            [nameof(ContactEntity.UndeliverableAt)] = at,
        };
        try
        {
            await Table.UpdateEntityAsync(mark, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not a contact we hold (or erased since): nothing to mark.
        }
    }

    /// <summary>Removes the row; true when there was one.</summary>
    public async Task<bool> DeleteAsync(string phone, CancellationToken cancellationToken = default)
    {
        var response = await Table.DeleteEntityAsync(phone, ContactEntity.Row, ETag.All, cancellationToken);
        return response.Status != 404;
    }
}
