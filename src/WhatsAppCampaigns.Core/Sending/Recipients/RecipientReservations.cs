using Azure;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Conversations;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending.Quota;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Sending.Recipients;

/// <summary>A recipient's frequency-cap slot and messaging-limit slot, both taken before Graph is called.</summary>
public sealed record Reservation(RecipientActivity Previous, ETag ETag, long? GrantedBucket, (long From, long To)? Moved);

/// <summary>
/// Takes, as late as possible and only for messages that passed every other check, the two things a send consumes:
/// a frequency-cap slot and (unless the recipient is already counted or inside a customer-service window) a
/// messaging-limit slot. Both end in one conditional write of the recipient's row, so concurrent senders cannot both
/// take them; a conflict gives the quota slot back and decides again. <see cref="UndoAsync"/> gives both back exactly
/// when Graph certainly did not send.
/// </summary>
public sealed class RecipientReservations(RecipientActivityStore store, MessagingLimitCounter counter, ICustomerServiceWindows windows, TimeProvider time)
{
    /// <summary>How much marketing history a recipient row keeps: frequency-cap windows longer than this are cut to it.</summary>
    public static readonly TimeSpan MarketingHistory = TimeSpan.FromDays(7);

    public Task<(Reservation? Reservation, DateTimeOffset? RetryAt, string? Reason)> ReserveAsync(
        SendRequest request, RecipientActivity activity, ETag etag, string phoneNumberId, int? limit, CancellationToken ct)
    {
        bool? inWindow = null;
        var reread = false;
        return OptimisticWrite.RunAsync<(Reservation?, DateTimeOffset?, string?)>(async token =>
        {
            if (reread)
            {
                (activity, etag) = await store.GetAsync(request.Recipient, token);
            }

            reread = true;
            var now = time.GetUtcNow();
            // A retry of the message that made the last reservation (its sender died or deferred after reserving)
            // reuses it rather than counting the same message against the cap twice.
            var messageId = new MessageKey(request.CampaignId, request.Recipient).ToCallbackData();
            var ours = activity.LastMessage == messageId;
            if (!ours && FrequencyCapEnds(request, activity, now) is { } capEnds)
            {
                return (null, capEnds, "frequency_cap");
            }

            var window = counter.NewWindow();
            var current = window.BucketOf(now);
            var counted = activity.CountedBucket is { } bucket && window.IsLive(bucket, now);
            QuotaGrant? grant = null;
            (long, long)? move = null;
            var next = activity with { PhoneNumberId = phoneNumberId, LastMessage = messageId };
            if (limit is not null && counted && activity.CountedBucket != current)
            {
                move = (activity.CountedBucket!.Value, current);
                next = next with { CountedBucket = current };
            }
            else if (limit is { } quota && !counted && !(inWindow ??= await InServiceWindowAsync(request.Recipient, now, token)))
            {
                grant = await counter.TryAcquireAsync(quota, token);
                if (!grant.Granted)
                {
                    return (null, grant.RetryAt, "messaging_limit");
                }

                next = next with { CountedBucket = grant.Bucket };
            }

            if (request.Category == TemplateCategory.Marketing && !ours)
            {
                next = next.WithMarketingSend(now, MarketingHistory);
            }

            if (move is { } m)
            {
                // Move first: a crash before the row is written leaves the recipient counted twice (safe), never zero times.
                await counter.MoveAsync(m.Item1, m.Item2, token);
            }

            try
            {
                var written = await store.WriteAsync(next, etag, token);
                return (new Reservation(activity, written, grant?.Bucket, move), null, null);
            }
            catch (RequestFailedException ex) when (OptimisticWrite.IsConflict(ex))
            {
                // Another sender changed the recipient's row: give back what this attempt took, then decide again.
                await GiveBackAsync(grant?.Bucket, move, token);
                throw;
            }
        }, ct);
    }

    /// <summary>Restores the recipient's row and gives the quota slot back; if the row changed since, both stay (safe side).</summary>
    public async Task<bool> UndoAsync(Reservation reservation, CancellationToken ct)
    {
        if (await store.TryWriteAsync(reservation.Previous, reservation.ETag, ct) is null)
        {
            return false;
        }

        await GiveBackAsync(reservation.GrantedBucket, reservation.Moved, ct);
        return true;
    }

    public static DateTimeOffset? FrequencyCapEnds(SendRequest request, RecipientActivity activity, DateTimeOffset now)
    {
        if (request.Category != TemplateCategory.Marketing || request.Policy.FrequencyCapMessages <= 0)
        {
            return null;
        }

        var window = request.Policy.FrequencyCapWindow ?? TimeSpan.FromHours(24);
        window = window > MarketingHistory ? MarketingHistory : window;
        var recent = activity.MarketingSends.Where(at => at > now - window).Order().ToArray();
        return recent.Length < request.Policy.FrequencyCapMessages ? null : recent[recent.Length - request.Policy.FrequencyCapMessages] + window;
    }

    private async Task GiveBackAsync(long? grantedBucket, (long From, long To)? moved, CancellationToken ct)
    {
        if (grantedBucket is { } bucket)
        {
            await counter.ReturnAsync(bucket, ct);
        }

        if (moved is { } m)
        {
            await counter.MoveAsync(m.To, m.From, ct);
        }
    }

    private async Task<bool> InServiceWindowAsync(string recipient, DateTimeOffset now, CancellationToken ct) =>
        await windows.LastInboundAsync(recipient, ct) is { } last && last > now - TimeSpan.FromHours(24);
}
