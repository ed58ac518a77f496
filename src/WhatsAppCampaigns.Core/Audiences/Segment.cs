namespace WhatsAppCampaigns.Core.Audiences;

/// <summary>
/// Who a campaign is for: contacts carrying all of <see cref="AllOf"/>, at least one of <see cref="AnyOf"/>, none of
/// <see cref="NoneOf"/>, in one of <see cref="Countries"/> (ISO alpha-2; empty = any), whose attributes equal
/// <see cref="Attributes"/>. Read through the tag index: the first any-of tag partitions, else the first all-of tag's,
/// else the index's all-contacts partition.
/// </summary>
public sealed record Segment(
    IReadOnlyList<string>? AllOf = null,
    IReadOnlyList<string>? AnyOf = null,
    IReadOnlyList<string>? NoneOf = null,
    IReadOnlyList<string>? Countries = null,
    IReadOnlyDictionary<string, string>? Attributes = null)
{
    public static readonly Segment Everyone = new();

    /// <summary>The same segment with tags lowercased and countries uppercased, so matching is exact.</summary>
    public Segment Normalized() => new(
        Norm(AllOf, TagKeys.Normalize),
        Norm(AnyOf, TagKeys.Normalize),
        Norm(NoneOf, TagKeys.Normalize),
        Norm(Countries, c => c.Trim().ToUpperInvariant()),
        Attributes ?? new Dictionary<string, string>());

    private static string[] Norm(IReadOnlyList<string>? values, Func<string, string> normalize) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(normalize).Distinct(StringComparer.Ordinal).ToArray();
}
