using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Account;

/// <summary>
/// Table <c>AccountSignals</c>: a handful of rows (portfolio limit, sending halt, one per phone number), each a point
/// read; when nothing was recorded the configured <see cref="AccountOptions"/> answer.
/// </summary>
public sealed class TableAccountSignals(StorageClients storage, IOptions<AccountOptions> options) : IAccountSignals
{
    public const string TableName = "AccountSignals";
    public const string ConfigurationSource = "configuration";
    private const string Portfolio = "portfolio";
    private const string PhoneNumbers = "phone-number";
    private const string LimitRow = "messaging-limit";
    private const string HaltRow = "sending-halt";

    private TableClient Table => storage.Table(TableName);

    public async Task<MessagingLimit> GetMessagingLimitAsync(CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Portfolio, LimitRow, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            var configured = options.Value.MessagingLimit;
            return new MessagingLimit(configured == -1 ? null : configured, ConfigurationSource, DateTimeOffset.UnixEpoch);
        }

        var entity = row.Value!;
        return new MessagingLimit(entity.GetInt32("Limit"), entity.GetString("Source"), entity.GetDateTimeOffset("UpdatedAt")!.Value);
    }

    public Task SetMessagingLimitAsync(MessagingLimit limit, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(
            new TableEntity(Portfolio, LimitRow) { ["Limit"] = limit.UniqueRecipientsPer24h, ["Source"] = limit.Source, ["UpdatedAt"] = limit.UpdatedAt },
            TableUpdateMode.Replace,
            cancellationToken);

    public async Task<PhoneNumberProfile> GetPhoneNumberAsync(string phoneNumberId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(PhoneNumbers, phoneNumberId, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return new PhoneNumberProfile(phoneNumberId, options.Value.MessagesPerSecond, "UNKNOWN", false, DateTimeOffset.UnixEpoch);
        }

        var entity = row.Value!;
        return new PhoneNumberProfile(
            phoneNumberId,
            entity.GetInt32("MessagesPerSecond") ?? options.Value.MessagesPerSecond,
            entity.GetString("Quality") ?? "UNKNOWN",
            entity.GetBoolean("MarketingPaused") ?? false,
            entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch);
    }

    public Task SetPhoneNumberAsync(PhoneNumberProfile profile, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(
            new TableEntity(PhoneNumbers, profile.PhoneNumberId)
            {
                ["MessagesPerSecond"] = profile.MessagesPerSecond,
                ["Quality"] = profile.Quality,
                ["MarketingPaused"] = profile.MarketingPaused,
                ["UpdatedAt"] = profile.UpdatedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    public async Task<SendingHalt?> GetSendingHaltAsync(CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Portfolio, HaltRow, cancellationToken: cancellationToken);
        return row.HasValue
            ? new SendingHalt(row.Value!.GetInt32("ErrorCode") ?? 0, row.Value.GetString("Reason") ?? "", row.Value.GetDateTimeOffset("Since")!.Value)
            : null;
    }

    public async Task SetSendingHaltAsync(SendingHalt? halt, CancellationToken cancellationToken = default)
    {
        if (halt is null)
        {
            await Table.DeleteEntityAsync(Portfolio, HaltRow, ETag.All, cancellationToken);
            return;
        }

        var row = new TableEntity(Portfolio, HaltRow) { ["ErrorCode"] = halt.ErrorCode, ["Reason"] = halt.Reason, ["Since"] = halt.Since };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }
}
