using Azure;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Messages;

/// <summary>
/// The message ledger on Table Storage. Every write is conditional on the ETag it read (<see cref="OptimisticWrite"/>),
/// so concurrent senders and webhook processors serialise per message; a transition and its funnel counters commit in
/// one entity-group transaction, so a counter is bumped exactly when its transition wins, never twice and never lost.
/// The same holds for sending progress: a message's deferral reason and the partition's <c>waiting_{reason}</c> counter,
/// its first outcome and <c>done</c>, move together.
/// </summary>
public sealed class TableMessageLedger(StorageClients storage, TimeProvider time, ISendingProgressSink progress) : IMessageLedger
{
    /// <summary>One marker row per recipient in the message's partition: an opt-out counts once per (campaign, recipient).</summary>
    private const string OptOutMarkerPrefix = "~optout|";
    private static readonly TimeSpan QueueVisibilityPrecision = TimeSpan.FromSeconds(2);
    private readonly TableClient _table = storage.Table(MessageEntity.TableName);
    private readonly RecipientDeliveries _deliveries = new(storage);

    public async Task<MessageRecord?> GetAsync(MessageKey key, CancellationToken cancellationToken = default)
    {
        var entity = await ReadAsync(key, cancellationToken);
        return entity is null ? null : MessageEntity.ToRecord(key, entity);
    }

    public Task<ClaimResult> TryClaimAsync(MessageKey key, string claimToken, DateTimeOffset now, TimeSpan staleAfter, string? variant = null, CancellationToken cancellationToken = default) =>
        OptimisticWrite.RunAsync(async ct =>
        {
            var entity = await ReadAsync(key, ct);
            var state = StateOf(entity) ?? MessageState.Pending;
            ClaimOutcome outcome;
            if (state == MessageState.Pending)
            {
                outcome = ClaimOutcome.Claimed;
            }
            else if (state == MessageState.Claimed && now - (entity!.GetDateTimeOffset(nameof(MessageRecord.ClaimedAt)) ?? DateTimeOffset.MinValue) >= staleAfter)
            {
                outcome = ClaimOutcome.TakenOver;
            }
            else
            {
                return new ClaimResult(state == MessageState.Claimed ? ClaimOutcome.Busy : ClaimOutcome.Finished, MessageEntity.ToRecord(key, entity!));
            }

            var claimed = entity ?? new TableEntity(MessageEntity.PartitionKey(key.CampaignId, key.Recipient), key.Recipient);
            claimed[nameof(MessageRecord.State)] = (int)MessageState.Claimed;
            claimed[nameof(MessageRecord.ClaimToken)] = claimToken;
            claimed[nameof(MessageRecord.ClaimedAt)] = now;
            claimed[nameof(MessageRecord.UpdatedAt)] = now;
            if (variant is not null)
            {
                claimed[nameof(MessageRecord.Variant)] = variant;
            }

            await CommitAsync(claimed, LeaveWaiting(claimed), null, ct);
            return new ClaimResult(outcome, MessageEntity.ToRecord(key, claimed));
        }, cancellationToken);

    public Task<bool> ReleaseAsync(MessageKey key, string claimToken, DateTimeOffset now, Waiting? waiting = null, CancellationToken cancellationToken = default) =>
        OptimisticWrite.RunAsync(async ct =>
        {
            var entity = await ReadAsync(key, ct);
            if (entity is null || StateOf(entity) != MessageState.Claimed || entity.GetString(nameof(MessageRecord.ClaimToken)) != claimToken)
            {
                return false;
            }

            entity[nameof(MessageRecord.State)] = (int)MessageState.Pending;
            entity[nameof(MessageRecord.UpdatedAt)] = now;
            var deltas = LeaveWaiting(entity);
            if (waiting is not null)
            {
                deltas.AddRange(EnterWaiting(entity, waiting));
            }

            await CommitAsync(entity, deltas, waiting, ct);
            return true;
        }, cancellationToken);

    public Task<HoldOutcome> HoldAsync(MessageKey key, QueuedSend copy, DateTimeOffset until, string? variant, CancellationToken cancellationToken = default) =>
        OptimisticWrite.RunAsync(async ct =>
        {
            var partition = MessageEntity.PartitionKey(key.CampaignId, key.Recipient);
            var entity = await ReadAsync(key, ct);
            switch (StateOf(entity))
            {
                case MessageState.Claimed:
                    return HoldOutcome.Busy;
                case > MessageState.Claimed:
                    return HoldOutcome.Finished;
            }

            var held = new TableEntity(partition, MessageEntity.HeldPrefix + key.Recipient)
            {
                [nameof(QueuedSend.MessageId)] = copy.MessageId,
                [nameof(QueuedSend.PopReceipt)] = copy.PopReceipt,
                ["Until"] = until,
            };
            var waiting = new Waiting("paused", until);
            if (entity?.GetString(MessageEntity.WaitingProperty) == waiting.Reason)
            {
                await _table.UpsertEntityAsync(held, TableUpdateMode.Replace, ct); // held before: only the copy changed
                return HoldOutcome.Held;
            }

            var message = entity ?? new TableEntity(partition, key.Recipient)
            {
                [nameof(MessageRecord.State)] = (int)MessageState.Pending,
                [nameof(MessageRecord.UpdatedAt)] = time.GetUtcNow(),
            };
            if (variant is not null && entity is null)
            {
                message[nameof(MessageRecord.Variant)] = variant;
            }

            var deltas = LeaveWaiting(message);
            deltas.AddRange(EnterWaiting(message, waiting));
            await CommitAsync(message, deltas, waiting, ct, new TableTransactionAction(TableTransactionActionType.UpsertReplace, held));
            return HoldOutcome.Held;
        }, cancellationToken);

    public async Task<int> ReleaseHeldAsync(string campaignId, Func<QueuedSend, CancellationToken, Task> release, CancellationToken cancellationToken = default)
    {
        var counts = await Task.WhenAll(MessageEntity.PartitionKeys(campaignId).Select(async partition =>
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {MessageEntity.HeldPrefix} and RowKey lt {MessageEntity.HeldEnd}");
            var rows = new List<TableEntity>();
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                await release(new QueuedSend(row.GetString(nameof(QueuedSend.MessageId))!, row.GetString(nameof(QueuedSend.PopReceipt))!), cancellationToken);
                rows.Add(row);
            }

            foreach (var chunk in rows.Chunk(100))
            {
                await _table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
            }

            return rows.Count;
        }));
        return counts.Sum();
    }

    public Task<bool> AdvanceAsync(MessageKey key, MessageTransition transition, CancellationToken cancellationToken = default) =>
        OptimisticWrite.RunAsync(async ct =>
        {
            var entity = await ReadAsync(key, ct);
            if (entity is null || !StateOf(entity)!.Value.CanMoveTo(transition.To))
            {
                return false;
            }

            var from = StateOf(entity);
            var variant = transition.Variant ?? entity.GetString(nameof(MessageRecord.Variant));
            MessageEntity.Apply(entity, transition);
            var deltas = FunnelCounters.For(from, transition, variant).Select(name => (name, 1L)).ToList();
            deltas.AddRange(LeaveWaiting(entity));
            var counterRow = await CommitAsync(entity, deltas, null, ct);

            if (deltas.Any(d => d.Item1 == FunnelCounters.Done) && counterRow?.GetInt64("target") is > 0 and var target
                && counterRow.GetInt64(FunnelCounters.Done) == target)
            {
                await progress.ShardFinishedAsync(key.CampaignId, ct);
            }

            if (deltas.Any(d => d.Item1 == "delivered"))
            {
                // Outside the transaction (another partition): a crash here loses only this message's attribution index entry.
                await _deliveries.RecordAsync(key, transition.At, variant, ct);
            }

            return true;
        }, cancellationToken);

    public async Task<bool> SetTargetsAsync(string campaignId, IReadOnlyList<long> enqueuedByShard, CancellationToken cancellationToken = default)
    {
        var finished = await Task.WhenAll(enqueuedByShard.Select((target, shard) => OptimisticWrite.RunAsync(async ct =>
        {
            var partition = MessageEntity.PartitionKey(campaignId, shard);
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(partition, MessageEntity.CounterRowKey, cancellationToken: ct);
            var row = existing.HasValue ? existing.Value! : new TableEntity(partition, MessageEntity.CounterRowKey);
            if (row.GetInt64("target") != target)
            {
                row["target"] = target;
                await _table.WriteAsync(row, ct);
            }

            return (row.GetInt64(FunnelCounters.Done) ?? 0) >= target;
        }, cancellationToken)));
        return finished.All(done => done);
    }

    public Task<MessageDelivery?> FindLastDeliveredAsync(string recipient, DateTimeOffset at, TimeSpan window, CancellationToken cancellationToken = default) =>
        _deliveries.FindLastAsync(recipient, at, window, cancellationToken);

    public Task<bool> RecordConversionAsync(MessageKey key, Conversion conversion, CancellationToken cancellationToken = default)
    {
        var revenue = $"revenue_{FunnelCounters.Sanitize(conversion.Currency.ToUpperInvariant())}";
        var marker = new Dictionary<string, object>
        {
            ["Recipient"] = key.Recipient,
            ["AmountMinor"] = conversion.AmountMinor,
            ["Currency"] = conversion.Currency,
            ["At"] = conversion.At,
        };
        return CountOnceAsync(key, "~conversion|" + FunnelCounters.Sanitize(conversion.OrderId), marker, _ => [("converted", 1), (revenue, conversion.AmountMinor)], cancellationToken);
    }

    public Task<bool> RecordOptOutAfterAsync(MessageKey key, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var marker = new Dictionary<string, object> { ["Recipient"] = key.Recipient, ["At"] = at, ["RecordedAt"] = time.GetUtcNow() };
        return CountOnceAsync(key, OptOutMarkerPrefix + key.Recipient, marker, message =>
            StateOf(message) is MessageState.Delivered or MessageState.Read ? [(CampaignFunnel.OptedOutAfterCounter, 1)] : [], cancellationToken);
    }

    public async Task<CampaignFunnel> GetFunnelAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        var rows = await Task.WhenAll(MessageEntity.PartitionKeys(campaignId).Select(pk =>
            _table.GetEntityIfExistsAsync<TableEntity>(pk, MessageEntity.CounterRowKey, cancellationToken: cancellationToken)));
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var next = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.HasValue).Select(r => r.Value!))
        {
            foreach (var (name, value) in row.Where(p => p.Value is long or int))
            {
                totals[name] = totals.GetValueOrDefault(name) + Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            }

            foreach (var (name, value) in row.Where(p => p.Key.StartsWith("next_", StringComparison.Ordinal) && p.Value is DateTimeOffset))
            {
                var reason = name["next_".Length..];
                if (row.GetInt64(FunnelCounters.Waiting(reason)) is > 0 && (!next.TryGetValue(reason, out var earliest) || (DateTimeOffset)value! < earliest))
                {
                    next[reason] = (DateTimeOffset)value!;
                }
            }
        }

        return new CampaignFunnel(campaignId, totals, next);
    }

    /// <summary>
    /// Adds the marker row and bumps the counters (and the message's variant's) in one entity-group transaction, so the
    /// counters move exactly when the marker is first written: a duplicate finds the marker, a concurrent one loses the
    /// race on the marker or the counter row's ETag and then finds the marker. No counters (the message does not
    /// qualify) counts nothing.
    /// </summary>
    private Task<bool> CountOnceAsync(
        MessageKey key, string markerKey, IReadOnlyDictionary<string, object> markerValues, Func<TableEntity?, (string Name, long By)[]> countersFor, CancellationToken cancellationToken) =>
        OptimisticWrite.RunAsync(async ct =>
        {
            var partition = MessageEntity.PartitionKey(key.CampaignId, key.Recipient);
            if ((await _table.GetEntityIfExistsAsync<TableEntity>(partition, markerKey, cancellationToken: ct)).HasValue)
            {
                return false;
            }

            var message = await ReadAsync(key, ct);
            var counters = countersFor(message).ToList();
            if (counters.Count == 0)
            {
                return false;
            }

            if (message?.GetString(nameof(MessageRecord.Variant)) is { Length: > 0 } variant)
            {
                var prefix = $"v_{FunnelCounters.Sanitize(variant)}_";
                counters.AddRange(counters.ToArray().Select(c => (prefix + c.Name, c.By)));
            }

            var counterRow = await ReadCounterRowAsync(partition, ct);
            Bump(counterRow, counters);
            var marker = new TableEntity(partition, markerKey);
            foreach (var (name, value) in markerValues)
            {
                marker[name] = value;
            }

            await _table.SubmitTransactionAsync([new(TableTransactionActionType.Add, marker), OptimisticWrite.WriteAction(counterRow)], ct);
            return true;
        }, cancellationToken);

    /// <summary>Writes the message row, with the partition's counter row in the same transaction when counters move.</summary>
    /// <returns>The counter row as written, or null when no counter moved.</returns>
    private async Task<TableEntity?> CommitAsync(TableEntity message, IReadOnlyCollection<(string Name, long By)> deltas, Waiting? waiting, CancellationToken ct, TableTransactionAction? also = null)
    {
        if (deltas.Count == 0 && also is null)
        {
            await _table.WriteAsync(message, ct);
            return null;
        }

        var actions = new List<TableTransactionAction> { OptimisticWrite.WriteAction(message) };
        TableEntity? counterRow = null;
        if (deltas.Count > 0)
        {
            counterRow = await ReadCounterRowAsync(message.PartitionKey, ct);
            var waitingBefore = waiting is null ? 0 : counterRow.GetInt64(FunnelCounters.Waiting(waiting.Reason)) ?? 0;
            Bump(counterRow, deltas);
            if (waiting is not null)
            {
                // The earliest time a message waiting for this reason is due again. A recorded time already reached was
                // its messages' turn (they are being tried, or have deferred again), so a new deferral replaces it.
                // "Reached" allows for the queue: visibility timeouts are whole seconds, so a message can come back
                // up to a second before the time recorded for it, and would otherwise leave that time standing.
                var name = FunnelCounters.NextAttempt(waiting.Reason);
                if (waitingBefore <= 0 || counterRow.GetDateTimeOffset(name) is not { } earliest || earliest < time.GetUtcNow() + QueueVisibilityPrecision || waiting.Until < earliest)
                {
                    counterRow[name] = waiting.Until;
                }
            }

            actions.Add(OptimisticWrite.WriteAction(counterRow));
        }

        if (also is not null)
        {
            actions.Add(also);
        }

        await _table.SubmitTransactionAsync(actions, ct);
        return counterRow;
    }

    /// <summary>Clears a pending message's deferral reason; the counter change that goes with it.</summary>
    private static List<(string, long)> LeaveWaiting(TableEntity message)
    {
        var reason = message.GetString(MessageEntity.WaitingProperty);
        message.Remove(MessageEntity.WaitingProperty);
        message.Remove(MessageEntity.NextAttemptProperty);
        return reason is null ? [] : [(FunnelCounters.Waiting(reason), -1)];
    }

    private static List<(string, long)> EnterWaiting(TableEntity message, Waiting waiting)
    {
        message[MessageEntity.WaitingProperty] = waiting.Reason;
        message[MessageEntity.NextAttemptProperty] = waiting.Until;
        return [(FunnelCounters.Waiting(waiting.Reason), 1)];
    }

    private static void Bump(TableEntity counterRow, IEnumerable<(string Name, long By)> deltas)
    {
        foreach (var (name, by) in deltas)
        {
            counterRow[name] = (counterRow.GetInt64(name) ?? 0) + by;
        }
    }

    private async Task<TableEntity> ReadCounterRowAsync(string partition, CancellationToken ct)
    {
        var existing = await _table.GetEntityIfExistsAsync<TableEntity>(partition, MessageEntity.CounterRowKey, cancellationToken: ct);
        return existing.HasValue ? existing.Value! : new TableEntity(partition, MessageEntity.CounterRowKey);
    }

    private async Task<TableEntity?> ReadAsync(MessageKey key, CancellationToken ct)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(MessageEntity.PartitionKey(key.CampaignId, key.Recipient), key.Recipient, cancellationToken: ct);
        return response.HasValue ? response.Value : null;
    }

    private static MessageState? StateOf(TableEntity? entity) =>
        entity is null ? null : (MessageState)entity.GetInt32(nameof(MessageRecord.State)).GetValueOrDefault();
}
