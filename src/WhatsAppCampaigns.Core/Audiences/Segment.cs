namespace WhatsAppCampaigns.Core.Audiences;

/// <summary>
/// Who a campaign is for: contacts carrying all of <see cref="AllOf"/>, at least one of <see cref="AnyOf"/>, none of
/// <see cref="NoneOf"/>, in one of <see cref="Countries"/> (ISO alpha-2; empty = any), whose attributes equal
/// <see cref="Attributes"/>. Read through the tag index: the first any-of tag partitions, else the first all-of tag's,
/// else the index's all-contacts partition.
/// </summary>
/// <param name="All">
/// Everyone: the only way to aim at the whole base. A segment that selects nothing (no tags to include, countries or
/// attributes) is refused unless it says so, so a missing or mistyped audience never widens a send.
/// </param>
public sealed record Segment(
    IReadOnlyList<string>? AllOf = null,
    IReadOnlyList<string>? AnyOf = null,
    IReadOnlyList<string>? NoneOf = null,
    IReadOnlyList<string>? Countries = null,
    IReadOnlyDictionary<string, string>? Attributes = null,
    bool All = false)
{
    public static readonly Segment Everyone = new(All: true);

    /// <summary>Whether the segment says whom it selects: <see cref="All"/>, or at least one tag, country or attribute to include.</summary>
    public bool IsExplicit => All || (AllOf?.Count ?? 0) > 0 || (AnyOf?.Count ?? 0) > 0 || (Countries?.Count ?? 0) > 0 || (Attributes?.Count ?? 0) > 0;

    /// <summary>The same segment with tags lowercased and countries uppercased, so matching is exact.</summary>
    public Segment Normalized() => new(
        Norm(AllOf, TagKeys.Normalize),
        Norm(AnyOf, TagKeys.Normalize),
        Norm(NoneOf, TagKeys.Normalize),
        Norm(Countries, c => c.Trim().ToUpperInvariant()),
        Attributes ?? new Dictionary<string, string>(),
        All);

    private static string[] Norm(IReadOnlyList<string>? values, Func<string, string> normalize) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(normalize).Distinct(StringComparer.Ordinal).ToArray();
}
