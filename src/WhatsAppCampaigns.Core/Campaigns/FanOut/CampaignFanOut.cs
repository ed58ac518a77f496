using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Audiences;
using WhatsAppCampaigns.Core.Campaigns.Testing;
using WhatsAppCampaigns.Core.Sending;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>
/// The fan-out activity's work for one page: read the page, decide each member, reserve a marker per member, enqueue the
/// reserved ones, then record the page's outcome in one row. A retry of a finished page returns that outcome and does
/// nothing else. A retry of a page that failed part-way re-reads the same cursor, finds the markers, and enqueues only
/// what is still reserved: when an enqueue throws, the recipients already enqueued are marked before the exception
/// leaves, so an exception never causes a second enqueue. (Only a process crash between the enqueues and the page row
/// could; the senders' claim in the message ledger still stops a second send.) Markers are written once on the normal
/// path, not updated per recipient: one batch insert per 100 recipients and one row per page.
/// </summary>
public sealed partial class CampaignFanOut(
    ICampaignStore campaigns,
    IAudienceSource audience,
    RecipientEvaluator evaluator,
    RecipientMarkers markers,
    ConsentNoticeLog notices,
    ISendQueue queue,
    TimeProvider clock,
    IOptions<CampaignOptions> options,
    ILogger<CampaignFanOut> logger)
{
    private const int Parallelism = 32;

    public async Task<FanOutPageResult> RunPageAsync(FanOutPageRequest request, CancellationToken ct = default)
    {
        var record = await campaigns.GetAsync(request.CampaignId, ct)
            ?? throw new InvalidOperationException($"Campaign {request.CampaignId} does not exist.");
        if (record.State is CampaignState.Paused or CampaignState.Cancelled)
        {
            return FanOutPageResult.Halted(request.Cursor, record.State);
        }

        if (await markers.GetPageOutcomeAsync(request.CampaignId, request.Page, ct) is { } finished)
        {
            return finished;
        }

        var campaign = record.Definition;
        var page = await audience.ReadPageAsync(campaign.Audience, request.Cursor, options.Value.PageSize, ct);
        var members = page.Members.DistinctBy(m => m.Phone)
            .Where(m => InPhase(campaign, m.Phone, request.Phase))
            .ToDictionary(m => m.Phone, StringComparer.Ordinal);
        var now = clock.GetUtcNow();

        var wanted = new ConcurrentBag<RecipientMarker>();
        await Parallel.ForEachAsync(members.Values, Options(ct), async (member, token) =>
        {
            var reason = TestAssignment.GroupOf(campaign, member.Phone) == TestGroup.Holdout
                ? SkipReasons.Holdout
                : await evaluator.EvaluateAsync(campaign, member, now, token);
            wanted.Add(new RecipientMarker(member.Phone, reason is null ? MarkerState.Reserved : MarkerState.Skipped, reason, request.Page));
        });

        var stored = new Dictionary<string, RecipientMarker>(await markers.ReserveAsync(campaign.Id, wanted.ToArray(), ct), StringComparer.Ordinal);
        var mine = stored.Values.Where(m => m.Page == request.Page).ToArray();
        var toSend = mine.Where(m => m.State == MarkerState.Reserved).ToList();
        if (campaign.Kind == CampaignKind.ConsentNotice)
        {
            await RecordNoticesAsync(campaign, toSend, stored, now, ct);
        }

        await EnqueueAsync(campaign, request.Winner, toSend, members, stored, ct);

        var result = Summarize(page.NextCursor, stored.Values.Where(m => m.Page == request.Page));
        await markers.RecordPageOutcomeAsync(campaign.Id, request.Page, result, ct);
        LogPage(logger, campaign.Id, request.Page, result.Recipients, result.Enqueued);
        return result;
    }

    private async Task RecordNoticesAsync(CampaignDefinition campaign, List<RecipientMarker> toSend, Dictionary<string, RecipientMarker> stored, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var marker in toSend.ToArray())
        {
            if (!await notices.TryRecordAsync(marker.Phone, campaign.Id, now, ct))
            {
                await markers.MarkSkippedAsync(campaign.Id, marker, SkipReasons.ConsentNoticeAlreadySent, ct);
                stored[marker.Phone] = marker with { State = MarkerState.Skipped, Reason = SkipReasons.ConsentNoticeAlreadySent };
                toSend.Remove(marker);
            }
        }
    }

    /// <summary>A test's sample phase takes only the sample; its rest phase everyone else (hold-out included, to be skipped).</summary>
    private static bool InPhase(CampaignDefinition campaign, string phone, string? phase) => phase switch
    {
        FanOutPhases.Sample => TestAssignment.GroupOf(campaign, phone) == TestGroup.Sample,
        FanOutPhases.Rest => TestAssignment.GroupOf(campaign, phone) != TestGroup.Sample,
        _ => true,
    };

    private async Task EnqueueAsync(CampaignDefinition campaign, string? winner, List<RecipientMarker> toSend, Dictionary<string, AudienceMember> members, Dictionary<string, RecipientMarker> stored, CancellationToken ct)
    {
        // One call per message rather than EnqueueManyAsync: when a batch call throws, nothing tells which messages made it.
        var done = new ConcurrentBag<RecipientMarker>();
        try
        {
            await Parallel.ForEachAsync(toSend, Options(ct), async (marker, token) =>
            {
                await queue.EnqueueAsync(SendRequestFactory.Create(campaign, members[marker.Phone], winner), cancellationToken: token);
                done.Add(marker);
            });
        }
        catch
        {
            // Only on failure are markers updated one by one, so the retry knows which recipients are already queued.
            await markers.MarkEnqueuedAsync(campaign.Id, done.ToArray(), CancellationToken.None);
            throw;
        }

        foreach (var marker in done)
        {
            stored[marker.Phone] = marker with { State = MarkerState.Enqueued };
        }
    }

    private static FanOutPageResult Summarize(string? nextCursor, IEnumerable<RecipientMarker> mine)
    {
        var recipients = 0;
        var enqueued = 0;
        var byShard = new long[Messages.MessageShards.Count];
        var skipped = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var marker in mine)
        {
            recipients++;
            if (marker.State == MarkerState.Enqueued)
            {
                enqueued++;
                byShard[Messages.MessageShards.Of(marker.Phone)]++;
            }
            else if (marker.State == MarkerState.Skipped)
            {
                skipped[marker.Reason ?? "unknown"] = skipped.GetValueOrDefault(marker.Reason ?? "unknown") + 1;
            }
        }

        return new FanOutPageResult(nextCursor, recipients, enqueued, skipped, EnqueuedByShard: byShard);
    }

    private static ParallelOptions Options(CancellationToken ct) => new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Campaign {CampaignId} page {Page}: {Recipients} recipients, {Enqueued} enqueued")]
    private static partial void LogPage(ILogger logger, string campaignId, int page, int recipients, int enqueued);
}
