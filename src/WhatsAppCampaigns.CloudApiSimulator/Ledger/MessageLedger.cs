using System.Collections.Concurrent;
using WhatsAppCampaigns.CloudApiSimulator.Scenario;

namespace WhatsAppCampaigns.CloudApiSimulator.Ledger;

/// <summary>Append-only record of accepted sends and counts of rejected ones; safe under concurrent sends.</summary>
public sealed class MessageLedger
{
    private readonly ConcurrentQueue<LedgerEntry> _entries = new();
    private readonly ConcurrentDictionary<string, LedgerEntry> _byWamid = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _countByWaId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _rejections = new();

    /// <summary>Number of accepted sends.</summary>
    public int Count => _entries.Count;

    /// <summary>Snapshot of accepted sends in acceptance order.</summary>
    public IReadOnlyList<LedgerEntry> Entries => _entries.OrderBy(e => e.Sequence).ToList();

    /// <summary>Sends answered with a Graph error, per error code.</summary>
    public IReadOnlyDictionary<int, long> RejectionsByCode => new Dictionary<int, long>(_rejections);

    /// <summary>The accepted send with this wamid, if any.</summary>
    public LedgerEntry? Find(string wamid) => _byWamid.GetValueOrDefault(wamid);

    /// <summary>Accepted sends to this number (any format; compared by digits).</summary>
    public int CountTo(string phone) => _countByWaId.GetValueOrDefault(PhoneNumberText.ToWaId(phone));

    /// <summary>Accepted sends to this number, in order.</summary>
    public IReadOnlyList<LedgerEntry> EntriesTo(string phone)
    {
        var waId = PhoneNumberText.ToWaId(phone);
        return Entries.Where(e => e.WaId == waId).ToList();
    }

    /// <summary>Number of times a send was rejected with this code.</summary>
    public long RejectionCount(int code) => _rejections.GetValueOrDefault(code);

    /// <summary>Distinct recipients accepted in [<paramref name="since"/>, <paramref name="until"/>); null bounds are open.</summary>
    public int UniqueRecipients(DateTimeOffset? since = null, DateTimeOffset? until = null) =>
        _entries.Where(e => (since is null || e.AcceptedAt >= since) && (until is null || e.AcceptedAt < until))
            .Select(e => e.WaId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The most distinct recipients accepted within any moving window of this length (the messaging-limit invariant).</summary>
    public int MaxUniqueRecipientsInAnyWindow(TimeSpan window)
    {
        var sorted = Entries.OrderBy(e => e.AcceptedAt).ThenBy(e => e.Sequence).ToList();
        var inWindow = new Dictionary<string, int>(StringComparer.Ordinal);
        int left = 0, max = 0;
        foreach (var entry in sorted)
        {
            // The window is (t - length, t]: a send exactly one window old has left it.
            while (sorted[left].AcceptedAt <= entry.AcceptedAt - window)
            {
                var leaving = sorted[left++].WaId;
                if (--inWindow[leaving] == 0)
                {
                    inWindow.Remove(leaving);
                }
            }
            inWindow[entry.WaId] = inWindow.GetValueOrDefault(entry.WaId) + 1;
            max = Math.Max(max, inWindow.Count);
        }
        return max;
    }

    /// <summary>Totals for reports and the control endpoint.</summary>
    public LedgerSummary Summarize()
    {
        var entries = Entries;
        return new LedgerSummary(
            entries.Count,
            entries.Count(e => e.WillFail),
            entries.Select(e => e.WaId).Distinct(StringComparer.Ordinal).Count(),
            MaxUniqueRecipientsInAnyWindow(TimeSpan.FromHours(24)),
            entries.GroupBy(e => e.TemplateName).ToDictionary(g => g.Key, g => g.Count()),
            entries.Where(e => e.WillFail).GroupBy(e => e.FailureCode!.Value).ToDictionary(g => g.Key, g => g.Count()),
            RejectionsByCode);
    }

    /// <summary>Forgets everything (between benchmark rounds).</summary>
    public void Clear()
    {
        _entries.Clear();
        _byWamid.Clear();
        _countByWaId.Clear();
        _rejections.Clear();
    }

    internal void Add(LedgerEntry entry)
    {
        _byWamid[entry.Wamid] = entry;
        _countByWaId.AddOrUpdate(entry.WaId, 1, static (_, n) => n + 1);
        _entries.Enqueue(entry);
    }

    internal void RecordRejection(int code) => _rejections.AddOrUpdate(code, 1, static (_, n) => n + 1);
}
