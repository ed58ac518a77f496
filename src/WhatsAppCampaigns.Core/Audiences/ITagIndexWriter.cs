using WhatsAppCampaigns.Core.Contacts;

namespace WhatsAppCampaigns.Core.Audiences;

/// <summary>
/// Keeps the tag index in step with the contacts table. The contacts code calls it after each write:
/// <c>await tagIndex.IndexAsync(contact, previous?.Tags)</c> after an upsert, <c>await tagIndex.RemoveAsync(phone, tags)</c> after an erase.
/// Both are idempotent, so a retried contact write may call them again.
/// </summary>
public interface ITagIndexWriter
{
    /// <param name="previousTags">The contact's tags before this write (null for a new contact): rows of dropped tags are deleted.</param>
    Task IndexAsync(Contact contact, IReadOnlyCollection<string>? previousTags = null, CancellationToken cancellationToken = default);

    Task RemoveAsync(string phone, IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default);
}
