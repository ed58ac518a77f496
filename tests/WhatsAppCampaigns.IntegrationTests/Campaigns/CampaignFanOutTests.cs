using System.Diagnostics;
using Microsoft.DurableTask.Client;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.IntegrationTests.Campaigns.TestDoubles;
using Xunit.Abstractions;

namespace WhatsAppCampaigns.IntegrationTests.Campaigns;

/// <summary>The real orchestrator under the in-process Durable host, with activities on Azurite.</summary>
public sealed class CampaignFanOutTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FanOut_TenThousandRecipients_EnqueuesEachExactlyOnce()
    {
        await using var harness = await CampaignHarness.StartAsync(pageSize: 1000, pagesPerGeneration: 3, inMemoryConsent: true);
        var phones = await harness.SeedContactsAsync(10_000);
        var watch = Stopwatch.StartNew();

        var id = await harness.LaunchAsync(CampaignHarness.Draft());
        var done = await harness.WaitForCompletionAsync(id);

        output.WriteLine($"10,000 recipients fanned out in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        AssertExactlyOnce(harness.Queue, phones);
        var status = done.ReadOutputAs<CampaignRunStatus>()!;
        Assert.Equal(10_000, status.Totals.Enqueued);
        Assert.Equal(10_000, status.Totals.AudienceSize);
        Assert.Equal(3, status.Generation); // 10 pages, 3 per generation: generations 0..3
        // Fanned out, but nothing is sent here (the queue only records): the campaign runs until every message is done.
        var record = (await harness.Core.Get<ICampaignStore>().GetAsync(id))!;
        Assert.True(record.FanOutComplete);
        Assert.Equal(CampaignState.Running, record.State);
        Assert.Equal(10_000, (await harness.Ledger.GetFunnelAsync(id)).Pending);
    }

    [Fact]
    public async Task FanOut_EnqueueFailsMidPage_RetriesThePageWithoutDuplicates()
    {
        var queue = new RecordingSendQueue();
        queue.FailingCalls.UnionWith([250, 1_100, 1_101]); // inside the first and the third page
        await using var harness = await CampaignHarness.StartAsync(queue, pageSize: 500, inMemoryConsent: true);
        var phones = await harness.SeedContactsAsync(2_000);

        var id = await harness.LaunchAsync(CampaignHarness.Draft());
        var done = await harness.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(3, queue.FailuresThrown);
        AssertExactlyOnce(queue, phones);
        Assert.Equal(2_000, done.ReadOutputAs<CampaignRunStatus>()!.Totals.Enqueued);
    }

    [Fact]
    public async Task FanOut_FinishedPageRunAgain_ReturnsItsRecordedOutcomeAndEnqueuesNothing()
    {
        await using var harness = await CampaignHarness.StartAsync(pageSize: 100, inMemoryConsent: true);
        var phones = await harness.SeedContactsAsync(250);
        var id = await harness.LaunchAsync(CampaignHarness.Draft());
        await harness.WaitForCompletionAsync(id);
        var fanOut = harness.Core.Get<CampaignFanOut>();

        // What a retried activity does after its first run finished but its result never reached the orchestrator.
        var again = await fanOut.RunPageAsync(new FanOutPageRequest(id, 1, null));
        var third = await fanOut.RunPageAsync(new FanOutPageRequest(id, 1, null));

        AssertExactlyOnce(harness.Queue, phones);
        Assert.Equal(100, again.Enqueued);
        Assert.Equal(again.NextCursor, third.NextCursor);
        Assert.NotNull(again.NextCursor);
    }

    [Fact]
    public async Task FanOut_SameRecipientInTwoAnyOfTags_IsEnqueuedOnce()
    {
        await using var harness = await CampaignHarness.StartAsync(pageSize: 100);
        var phones = await harness.SeedContactsAsync(300, tag: "vip");
        await harness.Core.Get<Core.Audiences.TableTagIndex>().IndexManyAsync(phones.Select(p => new Core.Contacts.Contact(
            p, "MX", null, null, ["vip", "buyers"], new Dictionary<string, string> { ["first_name"] = "Ana" }, DateTimeOffset.UnixEpoch)).ToArray());
        var draft = CampaignHarness.Draft() with { Audience = new Core.Audiences.Segment(AnyOf: ["vip", "buyers"]).Normalized() };

        var id = await harness.LaunchAsync(draft);
        await harness.WaitForCompletionAsync(id);

        AssertExactlyOnce(harness.Queue, phones);
    }

    internal static void AssertExactlyOnce(RecordingSendQueue queue, IReadOnlyCollection<string> phones)
    {
        var duplicates = queue.Sent.GroupBy(s => s.Recipient).Where(g => g.Count() > 1).Select(g => g.Key).Take(5).ToArray();
        Assert.True(duplicates.Length == 0, $"Enqueued more than once: {string.Join(", ", duplicates)}");
        Assert.Equal(phones.Order(StringComparer.Ordinal), queue.Sent.Select(s => s.Recipient).Order(StringComparer.Ordinal));
    }
}
