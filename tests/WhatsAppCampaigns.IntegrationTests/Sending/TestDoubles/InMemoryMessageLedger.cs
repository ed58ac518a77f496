using System.Collections.Concurrent;
using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.IntegrationTests.Sending.TestDoubles;

/// <summary>The <see cref="IMessageLedger"/> contract in memory, until the real table ledger is merged. Thread-safe.</summary>
public sealed class InMemoryMessageLedger : IMessageLedger
{
    private readonly object _lock = new();
    private readonly Dictionary<MessageKey, MessageRecord> _records = [];
    private readonly ConcurrentDictionary<(string Campaign, string Counter), long> _counters = new();

    public IReadOnlyList<MessageRecord> All
    {
        get
        {
            lock (_lock)
            {
                return _records.Values.ToArray();
            }
        }
    }

    public Task<MessageRecord?> GetAsync(MessageKey key, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_records.GetValueOrDefault(key));
        }
    }

    public Task<ClaimResult> TryClaimAsync(MessageKey key, string claimToken, DateTimeOffset now, TimeSpan staleAfter, string? variant = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var record = _records.GetValueOrDefault(key) ?? New(key, now) with { Variant = variant };
            var outcome = record.State switch
            {
                MessageState.Pending => ClaimOutcome.Claimed,
                MessageState.Claimed when now - record.ClaimedAt >= staleAfter => ClaimOutcome.TakenOver,
                MessageState.Claimed => ClaimOutcome.Busy,
                _ => ClaimOutcome.Finished,
            };
            if (outcome is ClaimOutcome.Claimed or ClaimOutcome.TakenOver)
            {
                record = record with { State = MessageState.Claimed, ClaimToken = claimToken, ClaimedAt = now, UpdatedAt = now };
                _records[key] = record;
            }

            return Task.FromResult(new ClaimResult(outcome, record));
        }
    }

    public Task<bool> AdvanceAsync(MessageKey key, MessageTransition transition, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var record = _records.GetValueOrDefault(key) ?? New(key, transition.At);
            if (!record.State.CanMoveTo(transition.To))
            {
                return Task.FromResult(false);
            }

            _records[key] = record with
            {
                State = transition.To,
                WamId = transition.WamId ?? record.WamId,
                PhoneNumberId = transition.PhoneNumberId ?? record.PhoneNumberId,
                ErrorCode = transition.ErrorCode ?? record.ErrorCode,
                Reason = transition.Reason ?? record.Reason,
                AcceptedAt = transition.To == MessageState.Accepted ? transition.At : record.AcceptedAt,
                UpdatedAt = transition.At,
            };
            var counter = transition.To.ToString().ToLowerInvariant();
            Count(key.CampaignId, counter);
            if (transition.To == MessageState.Failed && transition.ErrorCode is { } code)
            {
                Count(key.CampaignId, $"failed_{code}");
            }

            if (transition.To == MessageState.Skipped && transition.Reason is { } reason)
            {
                Count(key.CampaignId, $"skipped_{reason}");
            }

            return Task.FromResult(true);
        }
    }

    public Task<bool> ReleaseAsync(MessageKey key, string claimToken, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_records.GetValueOrDefault(key) is not { State: MessageState.Claimed } record || record.ClaimToken != claimToken)
            {
                return Task.FromResult(false);
            }

            _records[key] = record with { State = MessageState.Pending, ClaimToken = null, ClaimedAt = null, UpdatedAt = now };
            return Task.FromResult(true);
        }
    }

    public Task<CampaignFunnel> GetFunnelAsync(string campaignId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new CampaignFunnel(campaignId, _counters.Where(c => c.Key.Campaign == campaignId).ToDictionary(c => c.Key.Counter, c => c.Value)));

    public void Count(string campaignId, string counter, long by = 1) => _counters.AddOrUpdate((campaignId, counter), by, (_, n) => n + by);

    private static MessageRecord New(MessageKey key, DateTimeOffset at) =>
        new(key, MessageState.Pending, null, null, null, null, null, null, at, null, null, null);
}
