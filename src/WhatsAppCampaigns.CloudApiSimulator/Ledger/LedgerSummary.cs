namespace WhatsAppCampaigns.CloudApiSimulator.Ledger;

/// <summary>Totals of a run, as the control endpoint <c>GET /_sim/ledger</c> shows them.</summary>
/// <param name="Accepted">Sends answered 200.</param>
/// <param name="AcceptedThenFailed">Accepted sends that a failed status webhook reports (131026, 131049, 131050…).</param>
/// <param name="UniqueRecipients">Distinct wa_ids among accepted sends.</param>
/// <param name="MaxUniqueRecipientsIn24Hours">Most distinct wa_ids in any moving 24 h.</param>
/// <param name="AcceptedByTemplate">Accepted sends per template name.</param>
/// <param name="FailuresByCode">Accepted-then-failed sends per error code.</param>
/// <param name="RejectionsByCode">Sends answered with a Graph error, per code.</param>
public sealed record LedgerSummary(
    long Accepted,
    long AcceptedThenFailed,
    int UniqueRecipients,
    int MaxUniqueRecipientsIn24Hours,
    IReadOnlyDictionary<string, int> AcceptedByTemplate,
    IReadOnlyDictionary<int, int> FailuresByCode,
    IReadOnlyDictionary<int, long> RejectionsByCode);
