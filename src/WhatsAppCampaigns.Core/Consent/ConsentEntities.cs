using Azure;
using Azure.Data.Tables;

namespace WhatsAppCampaigns.Core.Consent;

/// <summary>
/// Table <c>ConsentHistory</c>, one partition per contact (its E.164): the current state per scope
/// (row <c>state-{scope}</c>, what senders point-read) and the append-only history (rows <c>h-{scope}-{ticks}-{id}</c>).
/// </summary>
internal sealed class ConsentRowEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Scope { get; set; } = "";

    public string Status { get; set; } = "";

    public string Source { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string? Evidence { get; set; }

    public string? EvidenceUrl { get; set; }

    public string? RecordedBy { get; set; }

    /// <summary>Which clock dated <see cref="At"/> (<see cref="ConsentClock"/>); absent on rows written before it was kept: the caller's.</summary>
    public string? Clock { get; set; }

    /// <summary>When the product wrote the row (the change itself happened at <see cref="At"/>).</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>State rows only: the <see cref="ConsentRegister"/>'s latest opt-in and opt-out, as JSON.</summary>
    public string? LatestOptIn { get; set; }

    public string? LatestOptOut { get; set; }

    public static string StateRow(ConsentScope scope) => $"state-{Name(scope)}";

    public const string HistoryPrefix = "h-";

    public static string Name(ConsentScope scope) => scope.ToString().ToLowerInvariant();

    public static string Name(ConsentStatus status) => status == ConsentStatus.OptedIn ? "opted_in" : "opted_out";

    public static ConsentStatus ParseStatus(string status) => status == "opted_in" ? ConsentStatus.OptedIn : ConsentStatus.OptedOut;

    public static ConsentScope ParseScope(string scope) => scope == "utility" ? ConsentScope.Utility : ConsentScope.Marketing;

    public ConsentChange ToChange() =>
        new(ParseScope(Scope), ParseStatus(Status), Source, At, Evidence, EvidenceUrl, RecordedBy, Enum.TryParse<ConsentClock>(Clock, out var clock) ? clock : ConsentClock.Caller);
}

/// <summary>Table <c>Suppressions</c>: one row per erased number, keyed by its <see cref="SuppressionHasher"/> hash only.</summary>
internal sealed class SuppressionEntity : ITableEntity
{
    public const string Row = "suppression";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset ErasedAt { get; set; }
}
