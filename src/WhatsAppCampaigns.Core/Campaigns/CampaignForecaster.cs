using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Account;
using WhatsAppCampaigns.Core.Audiences;
using WhatsAppCampaigns.Core.Configuration;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <param name="LastSendAt">When the last eligible message would go out: the start, plus a 24 h window for each full
/// messaging limit, plus the remainder at the sending numbers' combined throughput (quiet hours and deferrals not included).</param>
public sealed record CampaignForecast(
    long AudienceSize,
    long Eligible,
    IReadOnlyDictionary<string, long> Excluded,
    int? MessagingLimit,
    int MessagesPerSecond,
    DateTimeOffset StartAt,
    DateTimeOffset LastSendAt);

/// <summary>
/// Reads the whole audience page by page and decides each member exactly as the fan-out would, sending nothing.
/// It runs inside the HTTP request: fine for audiences of up to a few hundred thousand; its memory does not grow with the audience.
/// </summary>
public sealed class CampaignForecaster(
    IAudienceSource audience,
    RecipientEvaluator evaluator,
    IAccountSignals account,
    TimeProvider clock,
    IOptions<CampaignOptions> options,
    IOptions<WhatsAppOptions> whatsApp)
{
    public async Task<CampaignForecast> ForecastAsync(CampaignDefinition campaign, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        long size = 0, eligible = 0;
        var excluded = new Dictionary<string, long>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var page = await audience.ReadPageAsync(campaign.Audience, cursor, options.Value.PageSize, ct);
            var reasons = new string?[page.Members.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, page.Members.Count), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct },
                async (i, token) => reasons[i] = await evaluator.EvaluateAsync(campaign, page.Members[i], now, token));
            foreach (var reason in reasons)
            {
                size++;
                if (reason is null)
                {
                    eligible++;
                }
                else
                {
                    excluded[reason] = excluded.GetValueOrDefault(reason) + 1;
                }
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var limit = (await account.GetMessagingLimitAsync(ct)).UniqueRecipientsPer24h;
        var numbers = campaign.PhoneNumberIds.Count > 0 ? campaign.PhoneNumberIds : whatsApp.Value.PhoneNumberIds;
        var mps = 0;
        foreach (var number in numbers)
        {
            mps += Math.Max(1, (await account.GetPhoneNumberAsync(number, ct)).MessagesPerSecond);
        }

        var start = campaign.StartAt is { } at && at > now ? at : now;
        return new CampaignForecast(size, eligible, excluded, limit, Math.Max(mps, 1), start, LastSendAt(start, eligible, limit, Math.Max(mps, 1)));
    }

    /// <summary>Each 24 h window sends at most <paramref name="limit"/> unique recipients, at <paramref name="mps"/> per second.</summary>
    public static DateTimeOffset LastSendAt(DateTimeOffset start, long eligible, int? limit, int mps)
    {
        if (eligible == 0)
        {
            return start;
        }

        var fullWindows = limit is > 0 ? (eligible - 1) / limit.Value : 0;
        var inLastWindow = eligible - (fullWindows * (limit ?? 0));
        return start + TimeSpan.FromHours(24 * fullWindows) + TimeSpan.FromSeconds((double)inLastWindow / mps);
    }
}
