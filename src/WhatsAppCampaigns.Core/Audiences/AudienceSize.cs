namespace WhatsAppCampaigns.Core.Audiences;

/// <summary>How many contacts a segment matches, counted up to a limit, with the first of them as a sample.</summary>
/// <param name="Exact">False when counting stopped at the limit: the segment matches at least <paramref name="Count"/>.</param>
public sealed record AudienceSize(long Count, bool Exact, IReadOnlyList<AudienceMember> Sample)
{
    /// <summary>Reads the segment page by page until its end or <paramref name="limit"/> members, keeping <paramref name="sampleSize"/> of them.</summary>
    public static async Task<AudienceSize> CountAsync(IAudienceSource source, Segment segment, int pageSize, long limit, int sampleSize, CancellationToken ct)
    {
        var sample = new List<AudienceMember>(sampleSize);
        long count = 0;
        string? cursor = null;
        do
        {
            var page = await source.ReadPageAsync(segment, cursor, pageSize, ct);
            count += page.Members.Count;
            sample.AddRange(page.Members.Take(sampleSize - sample.Count));
            cursor = page.NextCursor;
            if (count >= limit && cursor is not null)
            {
                return new AudienceSize(count, false, sample);
            }
        }
        while (cursor is not null);

        return new AudienceSize(count, true, sample);
    }
}
