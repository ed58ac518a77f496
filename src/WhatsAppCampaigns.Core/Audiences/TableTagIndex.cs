using Azure;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Audiences;

/// <summary>
/// The tag index (table <c>TagIndex</c>): the writer keeps one row per (tag, contact) plus one in the all-contacts
/// partition; the reader pages one partition at a time, so no segment ever scans a whole table.
/// Cursor format: <c>{partition index} {table continuation token}</c>.
/// </summary>
public sealed class TableTagIndex(StorageClients storage) : ITagIndexWriter, IAudienceSource
{
    private TableClient Table => storage.Table(TagIndexRows.TableName);

    public async Task IndexAsync(Contact contact, IReadOnlyCollection<string>? previousTags = null, CancellationToken cancellationToken = default)
    {
        var tags = contact.Tags.Select(TagKeys.Normalize).Distinct(StringComparer.Ordinal).ToArray();
        var partitions = tags.Append(TagKeys.AllContactsPartition).ToArray();
        // Each row is its own partition: Azure refuses cross-partition batches, so the writes go in parallel.
        await Task.WhenAll(partitions.Select(p =>
            Table.UpsertEntityAsync(TagIndexRows.ToEntity(p, contact, tags), TableUpdateMode.Replace, cancellationToken)));

        var dropped = (previousTags ?? []).Select(TagKeys.Normalize).Except(tags, StringComparer.Ordinal);
        await Task.WhenAll(dropped.Select(p => DeleteAsync(p, contact.Phone, cancellationToken)));
    }

    /// <summary>Bulk import of new contacts: rows grouped by partition and written 100 to a transaction.</summary>
    public async Task IndexManyAsync(IReadOnlyCollection<Contact> contacts, CancellationToken cancellationToken = default)
    {
        var rows = contacts.SelectMany(contact =>
        {
            var tags = contact.Tags.Select(TagKeys.Normalize).Distinct(StringComparer.Ordinal).ToArray();
            return tags.Append(TagKeys.AllContactsPartition).Select(p => TagIndexRows.ToEntity(p, contact, tags));
        });
        var batches = rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100)).ToArray();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (batch, ct) =>
            await Table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct));
    }

    public Task RemoveAsync(string phone, IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default) =>
        Task.WhenAll(tags.Select(TagKeys.Normalize).Append(TagKeys.AllContactsPartition).Distinct(StringComparer.Ordinal)
            .Select(p => DeleteAsync(p, phone, cancellationToken)));

    public async Task<AudiencePage> ReadPageAsync(Segment segment, string? cursor, int pageSize, CancellationToken cancellationToken = default)
    {
        var normalized = segment.Normalized();
        var partitions = SegmentMatcher.DrivingPartitions(normalized);
        var (index, token) = ParseCursor(cursor);
        if (index >= partitions.Count)
        {
            return new AudiencePage([], null);
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitions[index]}");
        await foreach (var page in Table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(token, pageSize))
        {
            var members = page.Values.Select(TagIndexRows.ToMember).Where(m => SegmentMatcher.Matches(normalized, m, index)).ToArray();
            var next = page.ContinuationToken is { Length: > 0 } more ? $"{index} {more}"
                : index + 1 < partitions.Count ? $"{index + 1} "
                : null;
            return new AudiencePage(members, next);
        }

        return new AudiencePage([], index + 1 < partitions.Count ? $"{index + 1} " : null);
    }

    private static (int Index, string? Token) ParseCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return (0, null);
        }

        var space = cursor.IndexOf(' ');
        var index = int.Parse(space < 0 ? cursor : cursor[..space], System.Globalization.CultureInfo.InvariantCulture);
        var token = space < 0 ? null : cursor[(space + 1)..];
        return (index, string.IsNullOrEmpty(token) ? null : token);
    }

    private async Task DeleteAsync(string partition, string phone, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(partition, phone, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }
}
