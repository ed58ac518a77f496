using Microsoft.DurableTask.Client;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Campaigns.Testing;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Templates;
using WhatsAppCampaigns.Core.Webhooks;
using WhatsAppCampaigns.IntegrationTests.Campaigns.TestDoubles;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Campaigns;

/// <summary>
/// A variant test end to end: the real orchestrator sends the sample, waits the (short) window on a durable timer, decides
/// from the real message ledger, and sends the winner to the rest. A scripted sender writes each message's fate to the
/// ledger as it is enqueued: every message is accepted; variant by variant, a share is read or fails.
/// </summary>
public sealed class VariantTestTests
{
    private const string TemplateB = "spring_sale_b";

    [Fact]
    public async Task VariantTest_ReadRates20And35Percent_SendsTheBetterToTheRest_AndNoOneTwice()
    {
        await using var harness = await StartAsync(readPerTwenty: new() { ["a"] = 4, ["b"] = 7 });
        var phones = await harness.SeedContactsAsync(2_000);

        var id = await harness.LaunchAsync(Draft(new TestPlan(0.4, TimeSpan.FromSeconds(2), MinSamplePerVariant: 100, DefaultVariant: "a")));
        var done = await harness.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        CampaignFanOutTests.AssertExactlyOnce(harness.Queue, phones);
        var record = (await harness.Core.Get<ICampaignStore>().GetAsync(id))!;
        Assert.Equal(CampaignState.Completed, record.State);
        Assert.Equal("b", record.Decision!.Winner);
        Assert.Equal(TestOutcomes.ClearWinner, record.Decision.Outcome);
        var a = record.Decision.Variants.Single(v => v.Name == "a");
        var b = record.Decision.Variants.Single(v => v.Name == "b");
        Assert.Equal(0.20, a.Rate, 1);
        Assert.Equal(0.35, b.Rate, 1);
        Assert.Equal(harness.Queue.Sent.Count(s => TestAssignment.GroupOf(record.Definition, s.Recipient) == TestGroup.Sample), a.Sample + b.Sample);

        // The sample got both variants, each recipient their own; the rest only the winner.
        var sample = harness.Queue.Sent.Where(s => TestAssignment.GroupOf(record.Definition, s.Recipient) == TestGroup.Sample).ToArray();
        var rest = harness.Queue.Sent.Where(s => TestAssignment.GroupOf(record.Definition, s.Recipient) == TestGroup.Rest).ToArray();
        Assert.InRange(sample.Length, 700, 900);
        Assert.Equal(2_000 - sample.Length, rest.Length);
        Assert.Contains(sample, s => s.Variant == "a");
        Assert.Contains(sample, s => s.Variant == "b");
        Assert.All(rest, s => Assert.Equal(("b", TemplateB), (s.Variant, s.TemplateName)));
        Assert.Equal(2_000, done.ReadOutputAs<CampaignRunStatus>()!.Totals.Enqueued);

        var view = (await CampaignControlTests.BodyOf(await CampaignControlTests.Endpoint(harness).GetAsync(id, harness.Client, default))).GetProperty("test");
        Assert.Equal("b", view.GetProperty("decision").GetProperty("winner").GetString());
        Assert.Equal(TestOutcomes.ClearWinner, view.GetProperty("decision").GetProperty("outcome").GetString());
        Assert.Equal(record.Decision.DecidedAt, view.GetProperty("decision").GetProperty("decidedAt").GetDateTimeOffset());
        var decidedB = view.GetProperty("decision").GetProperty("variants").GetProperty("b");
        Assert.Equal(b.Sample, decidedB.GetProperty("sample").GetInt64());
        Assert.Equal(b.Low, decidedB.GetProperty("confidenceInterval")[0].GetDouble(), 9);
        Assert.Equal(b.High, decidedB.GetProperty("confidenceInterval")[1].GetDouble(), 9);
        Assert.True(view.GetProperty("current").GetProperty("b").GetProperty("sample").GetInt64() > b.Sample); // the rest counts under b too
    }

    [Fact]
    public async Task PickWinner_DuringTheWindow_EndsItAndSendsThePickToTheRest()
    {
        await using var harness = await StartAsync(readPerTwenty: new() { ["a"] = 4, ["b"] = 7 });
        var phones = await harness.SeedContactsAsync(600);
        var api = CampaignControlTests.Endpoint(harness);
        var id = await harness.LaunchAsync(Draft(new TestPlan(0.5, TimeSpan.FromHours(4), MinSamplePerVariant: 10)));
        var definition = (await harness.Core.Get<ICampaignStore>().GetAsync(id))!.Definition;
        var sampleSize = phones.Count(p => TestAssignment.GroupOf(definition, p) == TestGroup.Sample);
        await harness.WaitForStatusAsync(id, s => s.Totals.Enqueued == sampleSize);

        Assert.Equal(400, await CampaignControlTests.StatusOf(await api.PickWinnerAsync(id, LaunchPolicyTests.Request("""{"variant":"c"}"""), default)));
        var picked = await CampaignControlTests.BodyOf(await api.PickWinnerAsync(id, LaunchPolicyTests.Request("""{"variant":"a"}"""), default));
        var done = await harness.WaitForCompletionAsync(id);

        Assert.Equal("a", picked.GetProperty("winner").GetString());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var record = (await harness.Core.Get<ICampaignStore>().GetAsync(id))!;
        Assert.Equal(("a", TestOutcomes.PickedManually), (record.Decision!.Winner, record.Decision.Outcome));
        CampaignFanOutTests.AssertExactlyOnce(harness.Queue, phones);
        Assert.All(harness.Queue.Sent.Where(s => TestAssignment.GroupOf(definition, s.Recipient) == TestGroup.Rest), s => Assert.Equal("a", s.Variant));
        Assert.Equal(409, await CampaignControlTests.StatusOf(await api.PickWinnerAsync(id, LaunchPolicyTests.Request("""{"variant":"b"}"""), default)));
    }

    [Fact]
    public async Task VariantTest_VariantOverTheFailureGuardrail_IsDropped_AndTheOtherGoesToTheRest()
    {
        // a reads better, but a third of its messages fail (guardrail 20 %).
        await using var harness = await StartAsync(readPerTwenty: new() { ["a"] = 10, ["b"] = 4 }, failPerTwenty: new() { ["a"] = 7 });
        var phones = await harness.SeedContactsAsync(1_000);

        var id = await harness.LaunchAsync(Draft(new TestPlan(0.5, TimeSpan.FromSeconds(1), MinSamplePerVariant: 50, DefaultVariant: "a")));
        await harness.WaitForCompletionAsync(id);

        var record = (await harness.Core.Get<ICampaignStore>().GetAsync(id))!;
        Assert.Equal("b", record.Decision!.Winner);
        Assert.Equal(TestOutcomes.OnlyOneLeft, record.Decision.Outcome);
        Assert.True(record.Decision.Variants.Single(v => v.Name == "a").Dropped);
        CampaignFanOutTests.AssertExactlyOnce(harness.Queue, phones);
        Assert.All(harness.Queue.Sent.Where(s => TestAssignment.GroupOf(record.Definition, s.Recipient) == TestGroup.Rest), s => Assert.Equal("b", s.Variant));
    }

    [Fact]
    public async Task VariantTest_StopRepliesToVariantB_CrossTheOptOutGuardrail_BIsDropped_AndTheRestGetsOnlyA()
    {
        // b reads better (35 % against 20 %) and would win, but one in ten of its recipients replies STOP (guardrail 2 %).
        var queue = new RecordingSendQueue();
        await using var harness = await CampaignHarness.StartAsync(queue, pageSize: 250, inMemoryConsent: true);
        await harness.RegisterTemplateAsync(TemplateB, TemplateCategory.Marketing);
        var users = new ScriptedUsers(harness, readPerTwenty: new() { ["a"] = 4, ["b"] = 7 }, stopPerTwenty: new() { ["b"] = 2 });
        queue.OnEnqueued = users.ReceiveAsync;
        var phones = await harness.SeedContactsAsync(400, numberPrefix: "+5255");

        var id = await harness.LaunchAsync(Draft(new TestPlan(0.5, TimeSpan.FromSeconds(1), MinSamplePerVariant: 50, DefaultVariant: "b")));
        await harness.WaitForCompletionAsync(id);

        var record = (await harness.Core.Get<ICampaignStore>().GetAsync(id))!;
        var a = record.Decision!.Variants.Single(v => v.Name == "a");
        var b = record.Decision.Variants.Single(v => v.Name == "b");
        Assert.True(users.Stops > 5, $"only {users.Stops} STOP replies");
        Assert.Equal(("a", TestOutcomes.OnlyOneLeft), (record.Decision.Winner, record.Decision.Outcome));
        Assert.True(b.Dropped);
        Assert.False(a.Dropped);
        Assert.Equal((double)users.Stops / b.Sample, b.OptOutRate, 9);
        Assert.Equal(0, a.OptOutRate);
        Assert.True(b.Rate > a.Rate, "b led on its read rate: only the opt-out guardrail can have dropped it");

        CampaignFanOutTests.AssertExactlyOnce(harness.Queue, phones);
        var rest = harness.Queue.Sent.Where(s => TestAssignment.GroupOf(record.Definition, s.Recipient) == TestGroup.Rest).ToArray();
        Assert.NotEmpty(rest);
        Assert.All(rest, s => Assert.Equal(("a", CampaignHarness.Template), (s.Variant, s.TemplateName)));

        var view = await CampaignControlTests.BodyOf(await CampaignControlTests.Endpoint(harness).GetAsync(id, harness.Client, default));
        Assert.Equal(users.Stops, view.GetProperty("progress").GetProperty("funnel").GetProperty("optedOutAfter").GetInt64());
        Assert.Equal(users.Stops, view.GetProperty("variants").GetProperty("b").GetProperty("funnel").GetProperty("optedOutAfter").GetInt64());
        Assert.True(view.GetProperty("test").GetProperty("decision").GetProperty("variants").GetProperty("b").GetProperty("dropped").GetBoolean());
    }

    [Fact]
    public async Task VariantTest_EveryVariantDropped_PausesTheCampaign_AndTheRestGetsNothing()
    {
        await using var harness = await StartAsync(readPerTwenty: new() { ["a"] = 4, ["b"] = 4 }, failPerTwenty: new() { ["a"] = 10, ["b"] = 10 });
        await harness.SeedContactsAsync(500);

        var id = await harness.LaunchAsync(Draft(new TestPlan(0.5, TimeSpan.FromSeconds(1), MinSamplePerVariant: 10)));
        await harness.WaitForCompletionAsync(id);

        var record = (await harness.Core.Get<ICampaignStore>().GetAsync(id))!;
        Assert.Null(record.Decision!.Winner);
        Assert.Equal(CampaignState.Paused, record.State);
        Assert.Equal(VariantTestDecider.AllDroppedReason, record.Reason);
        Assert.All(harness.Queue.Sent, s => Assert.Equal(TestGroup.Sample, TestAssignment.GroupOf(record.Definition, s.Recipient)));
    }

    [Fact]
    public async Task VariantTest_Holdout_ReceivesNothing_AndIsCountedAsSkipped()
    {
        await using var harness = await StartAsync(readPerTwenty: new() { ["a"] = 4, ["b"] = 4 });
        var phones = await harness.SeedContactsAsync(1_000);

        var id = await harness.LaunchAsync(Draft(new TestPlan(0.3, TimeSpan.Zero, MinSamplePerVariant: 10, HoldoutShare: 0.1)));
        var done = await harness.WaitForCompletionAsync(id);

        var record = (await harness.Core.Get<ICampaignStore>().GetAsync(id))!;
        var holdout = phones.Where(p => TestAssignment.GroupOf(record.Definition, p) == TestGroup.Holdout).ToArray();
        Assert.InRange(holdout.Length, 60, 140);
        CampaignFanOutTests.AssertExactlyOnce(harness.Queue, phones.Except(holdout).ToArray());
        var totals = done.ReadOutputAs<CampaignRunStatus>()!.Totals;
        Assert.Equal(1_000, totals.AudienceSize);
        Assert.Equal(holdout.Length, totals.Skipped[SkipReasons.Holdout]);
    }

    [Fact]
    public async Task Launch_WithABadTestPlan_Is400WithTheFieldsAndStoresNothing()
    {
        await using var harness = await CampaignHarness.StartAsync();
        var body = """
            {"name":"spring","template":{"name":"spring_sale","language":"en_US"},"audience":{"anyOf":["vip"]},
             "parameters":[{"attribute":"first_name","default":"there"}],
             "test":{"sampleShare":1.5,"windowHours":0,"metric":"clicks","defaultVariant":"z"}}
            """;

        var problem = await CampaignControlTests.BodyOf(await CampaignControlTests.Endpoint(harness).CreateAsync(LaunchPolicyTests.Request(body), harness.Client, default));

        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["test.defaultVariant", "test.metric", "test.sampleShare", "test.variants", "test.windowHours"], fields);
        Assert.Empty(harness.Queue.Sent);
    }

    private static async Task<CampaignHarness> StartAsync(Dictionary<string, int> readPerTwenty, Dictionary<string, int>? failPerTwenty = null)
    {
        var queue = new RecordingSendQueue();
        var harness = await CampaignHarness.StartAsync(queue, pageSize: 250, inMemoryConsent: true);
        await harness.RegisterTemplateAsync(TemplateB, TemplateCategory.Marketing);
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        queue.OnEnqueued = async request =>
        {
            var variant = request.Variant!;
            var n = counts.AddOrUpdate(variant, 0, (_, c) => c + 1) % 20;
            var key = new MessageKey(request.CampaignId, request.Recipient);
            var now = DateTimeOffset.UtcNow;
            await harness.Ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Accepted, now, Variant: variant));
            var fails = failPerTwenty?.GetValueOrDefault(variant) ?? 0;
            var state = n < fails ? MessageState.Failed : n < fails + readPerTwenty[variant] ? MessageState.Read : MessageState.Delivered;
            await harness.Ledger.AdvanceSentAsync(key, new MessageTransition(state, now, ErrorCode: state == MessageState.Failed ? 131026 : null));
        };
        return harness;
    }

    private static CampaignDraft Draft(TestPlan plan) => CampaignHarness.Draft() with
    {
        Variants = [new CampaignVariant("a", CampaignHarness.Template, "en_US"), new CampaignVariant("b", TemplateB, "en_US")],
        Test = plan,
    };

    /// <summary>
    /// The sample's recipients, through the real webhook path: each message is accepted (the senders' record), then WhatsApp
    /// reports it read or delivered by a signed status webhook, and, variant by variant, a share of the people reply STOP
    /// once its delivery is on record (a signed inbound-message webhook). Each call receives its webhook and then processes
    /// the queue until it looks empty; a webhook taken by another call is processed before that call's enqueue returns, so
    /// every webhook of the sample is processed before its last page completes and the window starts.
    /// </summary>
    private sealed class ScriptedUsers(CampaignHarness harness, Dictionary<string, int> readPerTwenty, Dictionary<string, int> stopPerTwenty)
    {
        private readonly WebhookPipeline _webhooks = WebhookPipeline.Over(harness.Core);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _counts = new();
        private readonly DateTimeOffset _deliveredAt = DateTimeOffset.FromUnixTimeSeconds(harness.Core.Clock.GetUtcNow().ToUnixTimeSeconds());
        private CampaignDefinition? _campaign;
        private int _stops;

        public int Stops => _stops;

        public async Task ReceiveAsync(SendRequest request)
        {
            var variant = request.Variant!;
            var key = new MessageKey(request.CampaignId, request.Recipient);
            await harness.Ledger.AdvanceSentAsync(key, new MessageTransition(MessageState.Accepted, _deliveredAt.AddSeconds(-5), Variant: variant));
            _campaign ??= (await harness.Core.Get<ICampaignStore>().GetAsync(request.CampaignId))!.Definition;
            if (TestAssignment.GroupOf(_campaign, request.Recipient) != TestGroup.Sample)
            {
                return;
            }

            var n = _counts.AddOrUpdate(variant, 0, (_, c) => c + 1) % 20;
            var status = n < readPerTwenty.GetValueOrDefault(variant) ? "read" : "delivered";
            await PostAsync(WebhookPayloads.Statuses(WebhookPayloads.Status(request.CampaignId, request.Recipient, status, _deliveredAt.ToUnixTimeSeconds())));
            if (n < 20 - stopPerTwenty.GetValueOrDefault(variant))
            {
                return;
            }

            var stopAt = _deliveredAt.AddMinutes(1);
            while (await harness.Ledger.FindLastDeliveredAsync(request.Recipient, stopAt, TimeSpan.FromMinutes(5)) is null)
            {
                await _webhooks.DrainAsync(); // another call may hold the status webhook: wait until it is processed
                await Task.Delay(10);
            }

            await PostAsync(WebhookPayloads.Text(request.Recipient, "STOP", stopAt.ToUnixTimeSeconds()));
            Interlocked.Increment(ref _stops);
        }

        private async Task PostAsync(System.Text.Json.Nodes.JsonNode payload)
        {
            Assert.Equal(WebhookReceipt.Accepted, await _webhooks.ReceiveAsync(WebhookPayloads.Bytes(payload)));
            await _webhooks.DrainAsync();
        }
    }
}
