namespace WhatsAppCampaigns.Core.Audiences;

/// <summary>Pages the members of a segment. Reading the same cursor again returns the same page (retries rely on it).</summary>
public interface IAudienceSource
{
    /// <param name="cursor">Null for the first page; then the previous page's <see cref="AudiencePage.NextCursor"/>.</param>
    Task<AudiencePage> ReadPageAsync(Segment segment, string? cursor, int pageSize, CancellationToken cancellationToken = default);
}

/// <param name="Members">Matching members; may be fewer than the page size, or none, before the end.</param>
/// <param name="NextCursor">Null at the end of the audience.</param>
public sealed record AudiencePage(IReadOnlyList<AudienceMember> Members, string? NextCursor);
