namespace WhatsAppCampaigns.Core.Audiences;

/// <summary>Decides membership from a tag index row; the segment must be <see cref="Segment.Normalized"/>.</summary>
public static class SegmentMatcher
{
    /// <summary>The partitions to read, in order: each any-of tag, else the first all-of tag, else all contacts.</summary>
    public static IReadOnlyList<string> DrivingPartitions(Segment segment) =>
        segment.AnyOf!.Count > 0 ? segment.AnyOf
        : segment.AllOf!.Count > 0 ? [segment.AllOf[0]]
        : [TagKeys.AllContactsPartition];

    /// <param name="partitionIndex">Which driving partition the row came from: a member of several any-of tags is taken only from the first of them, so no one is read twice.</param>
    public static bool Matches(Segment segment, AudienceMember member, int partitionIndex)
    {
        var tags = member.Tags;
        if (segment.AnyOf!.Count > 0)
        {
            if (!tags.Contains(segment.AnyOf[partitionIndex], StringComparer.Ordinal)
                || segment.AnyOf.Take(partitionIndex).Any(earlier => tags.Contains(earlier, StringComparer.Ordinal)))
            {
                return false;
            }
        }

        return segment.AllOf!.All(t => tags.Contains(t, StringComparer.Ordinal))
            && !segment.NoneOf!.Any(t => tags.Contains(t, StringComparer.Ordinal))
            && (segment.Countries!.Count == 0 || segment.Countries.Contains(member.Country, StringComparer.OrdinalIgnoreCase))
            && segment.Attributes!.All(a => member.Attributes.TryGetValue(a.Key, out var v) && string.Equals(v, a.Value, StringComparison.OrdinalIgnoreCase));
    }
}
