using Azure;
using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Messages;

/// <summary>
/// The message ledger on Table Storage. Every write is conditional on the ETag it read, so concurrent senders and
/// webhook processors serialise per message; a transition and its funnel counters commit in one entity-group
/// transaction, so a counter is bumped exactly when its transition wins, never twice and never lost.
/// </summary>
public sealed class TableMessageLedger(StorageClients storage, TimeProvider time) : IMessageLedger
{
    private const int MaxAttempts = 64;

    /// <summary>One marker row per recipient in the message's partition: an opt-out counts once per (campaign, recipient).</summary>
    private const string OptOutMarkerPrefix = "~optout|";
    private readonly TableClient _table = storage.Table(MessageEntity.TableName);
    private readonly RecipientDeliveries _deliveries = new(storage);

    public async Task<MessageRecord?> GetAsync(MessageKey key, CancellationToken cancellationToken = default)
    {
        var entity = await ReadAsync(key, cancellationToken);
        return entity is null ? null : MessageEntity.ToRecord(key, entity);
    }

    public async Task<ClaimResult> TryClaimAsync(MessageKey key, string claimToken, DateTimeOffset now, TimeSpan staleAfter, string? variant = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var entity = await ReadAsync(key, cancellationToken);
            var state = entity is null ? MessageState.Pending : MessageEntity.ToRecord(key, entity).State;
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

            if (await TryWriteAsync(claimed, isNew: entity is null, cancellationToken))
            {
                return new ClaimResult(outcome, MessageEntity.ToRecord(key, claimed));
            }

            await BackOffAsync(attempt, cancellationToken);
        }
    }

    public async Task<bool> ReleaseAsync(MessageKey key, string claimToken, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var entity = await ReadAsync(key, cancellationToken);
            if (entity is null
                || (MessageState)entity.GetInt32(nameof(MessageRecord.State)).GetValueOrDefault() != MessageState.Claimed
                || entity.GetString(nameof(MessageRecord.ClaimToken)) != claimToken)
            {
                return false;
            }

            entity[nameof(MessageRecord.State)] = (int)MessageState.Pending;
            entity[nameof(MessageRecord.UpdatedAt)] = now;
            if (await TryWriteAsync(entity, isNew: false, cancellationToken))
            {
                return true;
            }

            await BackOffAsync(attempt, cancellationToken);
        }
    }

    public async Task<bool> AdvanceAsync(MessageKey key, MessageTransition transition, CancellationToken cancellationToken = default)
    {
        var partition = MessageEntity.PartitionKey(key.CampaignId, key.Recipient);
        for (var attempt = 0; ; attempt++)
        {
            var entity = await ReadAsync(key, cancellationToken);
            MessageState? from = entity is null ? null : (MessageState)entity.GetInt32(nameof(MessageRecord.State)).GetValueOrDefault();
            if (from is { } current && !current.CanMoveTo(transition.To))
            {
                return false;
            }

            var message = entity ?? new TableEntity(partition, key.Recipient);
            var variant = transition.Variant ?? entity?.GetString(nameof(MessageRecord.Variant));
            MessageEntity.Apply(message, transition);

            var actions = new List<TableTransactionAction> { WriteAction(message, isNew: entity is null) };
            var counters = FunnelCounters.For(from, transition, variant);
            if (counters.Count > 0)
            {
                var existing = await _table.GetEntityIfExistsAsync<TableEntity>(partition, MessageEntity.CounterRowKey, cancellationToken: cancellationToken);
                var isNewCounter = !existing.HasValue;
                var counterRow = existing.HasValue ? existing.Value! : new TableEntity(partition, MessageEntity.CounterRowKey);
                foreach (var name in counters)
                {
                    counterRow[name] = (counterRow.GetInt64(name) ?? 0) + 1;
                }

                actions.Add(WriteAction(counterRow, isNewCounter));
            }

            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (RequestFailedException ex) when (IsConflict(ex) && attempt < MaxAttempts)
            {
                await BackOffAsync(attempt, cancellationToken);
                continue;
            }

            if (counters.Contains("delivered"))
            {
                // Outside the transaction (another partition): a crash here loses only this message's attribution index entry.
                await _deliveries.RecordAsync(key, transition.At, variant, cancellationToken);
            }

            return true;
        }
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
            message is not null && (MessageState)message.GetInt32(nameof(MessageRecord.State)).GetValueOrDefault() is MessageState.Delivered or MessageState.Read
                ? [(CampaignFunnel.OptedOutAfterCounter, 1)]
                : [], cancellationToken);
    }

    public async Task<CampaignFunnel> GetFunnelAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        var rows = await Task.WhenAll(MessageEntity.PartitionKeys(campaignId).Select(pk =>
            _table.GetEntityIfExistsAsync<TableEntity>(pk, MessageEntity.CounterRowKey, cancellationToken: cancellationToken)));
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.HasValue).Select(r => r.Value!))
        {
            foreach (var (name, value) in row.Where(p => p.Value is long or int))
            {
                totals[name] = totals.GetValueOrDefault(name) + Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return new CampaignFunnel(campaignId, totals);
    }

    /// <summary>
    /// Adds the marker row and bumps the counters (and the message's variant's) in one entity-group transaction, so the
    /// counters move exactly when the marker is first written: a duplicate finds the marker, a concurrent one loses the
    /// race on the marker or the counter row's ETag and then finds the marker. No counters (the message does not
    /// qualify) counts nothing.
    /// </summary>
    private async Task<bool> CountOnceAsync(
        MessageKey key, string markerKey, IReadOnlyDictionary<string, object> markerValues, Func<TableEntity?, (string Name, long By)[]> countersFor, CancellationToken ct)
    {
        var partition = MessageEntity.PartitionKey(key.CampaignId, key.Recipient);
        for (var attempt = 0; ; attempt++)
        {
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

            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(partition, MessageEntity.CounterRowKey, cancellationToken: ct);
            var counterRow = existing.HasValue ? existing.Value! : new TableEntity(partition, MessageEntity.CounterRowKey);
            foreach (var (name, by) in counters)
            {
                counterRow[name] = (counterRow.GetInt64(name) ?? 0) + by;
            }

            var marker = new TableEntity(partition, markerKey);
            foreach (var (name, value) in markerValues)
            {
                marker[name] = value;
            }

            try
            {
                await _table.SubmitTransactionAsync([new(TableTransactionActionType.Add, marker), WriteAction(counterRow, !existing.HasValue)], ct);
                return true;
            }
            catch (RequestFailedException ex) when (IsConflict(ex) && attempt < MaxAttempts)
            {
                await BackOffAsync(attempt, ct);
            }
        }
    }

    private async Task<TableEntity?> ReadAsync(MessageKey key, CancellationToken ct)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(MessageEntity.PartitionKey(key.CampaignId, key.Recipient), key.Recipient, cancellationToken: ct);
        return response.HasValue ? response.Value : null;
    }

    private async Task<bool> TryWriteAsync(TableEntity entity, bool isNew, CancellationToken ct)
    {
        try
        {
            if (isNew)
            {
                await _table.AddEntityAsync(entity, ct);
            }
            else
            {
                await _table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, ct);
            }

            return true;
        }
        catch (RequestFailedException ex) when (IsConflict(ex))
        {
            return false;
        }
    }

    private static TableTransactionAction WriteAction(TableEntity entity, bool isNew) => isNew
        ? new TableTransactionAction(TableTransactionActionType.Add, entity)
        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, entity.ETag);

    private static bool IsConflict(RequestFailedException ex) => ex.Status is 409 or 412;

    private static Task BackOffAsync(int attempt, CancellationToken ct) =>
        attempt < 2 ? Task.CompletedTask : Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 20)), ct);
}
