using System.Security.Cryptography;
using System.Text;
using WhatsAppCampaigns.CloudApiSimulator.Tests.Support;

namespace WhatsAppCampaigns.CloudApiSimulator.Tests;

public sealed class StatusWebhookTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Statuses_AreSignedAndEchoCallbackDataInSentDeliveredReadOrder()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var options = Simulators.Options(receiver.Url);
        options.Webhooks = options.Webhooks with { ReadProbability = 1.0 };
        await using var sim = await Simulators.StartAsync(options);
        using var graph = new GraphClient(sim);

        var wamid = (await graph.SendAsync(Simulators.MexicanUser, callbackData: "c-42|r-7")).Wamid;
        Assert.True(await sim.WaitForWebhooksIdleAsync(Idle));

        var posts = receiver.Received;
        Assert.Equal(["sent", "delivered", "read"], posts.Select(p => p.Status.GetProperty("status").GetString()));
        foreach (var post in posts)
        {
            // Independent HMAC so a bug shared with WebhookSigner cannot hide.
            var expected = "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.AppSecret), post.Body)).ToLowerInvariant();
            Assert.Equal(expected, post.Signature);
            Assert.Equal("whatsapp_business_account", post.Json.GetProperty("object").GetString());
            Assert.Equal(options.WabaId, post.Json.GetProperty("entry")[0].GetProperty("id").GetString());
            Assert.Equal("messages", post.Change.GetProperty("field").GetString());
            Assert.Equal(sim.PhoneNumber.Id, post.Change.GetProperty("value").GetProperty("metadata").GetProperty("phone_number_id").GetString());
            Assert.Equal(wamid, post.Status.GetProperty("id").GetString());
            Assert.Equal("5215512345678", post.Status.GetProperty("recipient_id").GetString());
            Assert.Equal("c-42|r-7", post.Status.GetProperty("biz_opaque_callback_data").GetString());
            Assert.True(long.TryParse(post.Status.GetProperty("timestamp").GetString(), out _));
        }
        Assert.Equal("marketing", posts[0].Status.GetProperty("pricing").GetProperty("category").GetString());
        Assert.Equal("PMP", posts[1].Status.GetProperty("pricing").GetProperty("pricing_model").GetString());
        Assert.Equal(3, sim.Webhooks.Delivered);
    }

    [Fact]
    public async Task Statuses_WhenDuplicateRateIsOne_PostOneStatusTwiceByteForByte()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var options = Simulators.Options(receiver.Url);
        options.Webhooks = options.Webhooks with { ReadProbability = 0, DuplicateRate = 1.0 };
        await using var sim = await Simulators.StartAsync(options);
        using var graph = new GraphClient(sim);

        await graph.SendAsync(Simulators.MexicanUser);
        Assert.True(await sim.WaitForWebhooksIdleAsync(Idle));

        var posts = receiver.Received;
        Assert.Equal(3, posts.Count);
        Assert.Single(posts.GroupBy(p => p.Text), g => g.Count() == 2);
    }

    [Fact]
    public async Task Statuses_WhenReorderRateIsOne_PostReadBeforeDeliveredBeforeSent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var options = Simulators.Options(receiver.Url);
        options.Webhooks = options.Webhooks with { ReadProbability = 1.0, ReorderRate = 1.0 };
        await using var sim = await Simulators.StartAsync(options);
        using var graph = new GraphClient(sim);

        await graph.SendAsync(Simulators.MexicanUser);
        Assert.True(await sim.WaitForWebhooksIdleAsync(Idle));

        Assert.Equal(["read", "delivered", "sent"], receiver.Received.Select(p => p.Status.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Statuses_WithSameSeed_FollowTheSamePlan()
    {
        var behavior = new WebhookBehavior { DeliveredProbability = 0.8, ReadProbability = 0.5, DuplicateRate = 0.3, ReorderRate = 0.3, MaxDelayMs = 0 };
        async Task<List<string>> RunAsync()
        {
            var options = Simulators.Options();
            options.Webhooks = behavior;
            await using var sim = await Simulators.StartAsync(options);
            using var graph = new GraphClient(sim);
            var plans = new List<string>();
            for (var i = 0; i < 30; i++)
            {
                var wamid = (await graph.SendAsync($"+52155000001{i:D2}")).Wamid;
                plans.Add(string.Join(">", sim.Webhooks.StatusesOf(wamid)));
            }
            return plans;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains(first, p => p.StartsWith("read", StringComparison.Ordinal) || p.StartsWith("delivered", StringComparison.Ordinal));
        Assert.Contains(first, p => p.Split('>').Length != p.Split('>').Distinct().Count());
        Assert.Contains(first, p => p == "sent");
    }

    [Fact]
    public async Task Statuses_WhenReceiverFails_AreRetriedUntilAcknowledged()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext(2);
        var options = Simulators.Options(receiver.Url);
        options.Webhooks = options.Webhooks with { DeliveredProbability = 0 };
        await using var sim = await Simulators.StartAsync(options);
        using var graph = new GraphClient(sim);

        await graph.SendAsync(Simulators.MexicanUser);
        Assert.True(await sim.WaitForWebhooksIdleAsync(Idle));

        var posts = receiver.Received;
        Assert.Equal(3, posts.Count);
        Assert.Single(posts.Select(p => p.Text).Distinct());
        Assert.Equal([true, true, false], posts.Select(p => p.AnsweredWithError));
        Assert.Equal(2, sim.Webhooks.FailedAttempts);
        Assert.Equal(1, sim.Webhooks.Delivered);
    }

    [Fact]
    public async Task Statuses_WhenReceiverKeepsFailing_AreGivenUpAfterMaxAttempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext(100);
        var options = Simulators.Options(receiver.Url);
        options.Webhooks = options.Webhooks with { DeliveredProbability = 0, MaxAttempts = 3 };
        await using var sim = await Simulators.StartAsync(options);
        using var graph = new GraphClient(sim);

        await graph.SendAsync(Simulators.MexicanUser);

        Assert.True(await sim.WaitForWebhooksIdleAsync(Idle));
        Assert.Equal(3, receiver.Received.Count);
        Assert.Equal(1, sim.Webhooks.GivenUp);
    }

    [Fact]
    public async Task Statuses_WhenBatchingEnabled_ShareSignedPostsAcrossMessages()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var options = Simulators.Options(receiver.Url);
        options.Webhooks = options.Webhooks with { DeliveredProbability = 0, MaxStatusesPerPost = 10, BatchLingerMs = 100 };
        await using var sim = await Simulators.StartAsync(options);
        using var graph = new GraphClient(sim);

        var wamids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            wamids.Add((await graph.SendAsync($"+52155000002{i:D2}", callbackData: $"cb-{i}")).Wamid);
        }
        Assert.True(await sim.WaitForWebhooksIdleAsync(Idle));

        var posts = receiver.Received;
        var statuses = posts.SelectMany(p => p.Change.GetProperty("value").GetProperty("statuses").EnumerateArray()).ToList();
        Assert.True(posts.Count < 5, $"expected batching, got {posts.Count} posts");
        Assert.Equal(wamids.Order(), statuses.Select(s => s.GetProperty("id").GetString()!).Order());
        Assert.All(statuses, s => Assert.Equal("sent", s.GetProperty("status").GetString()));
        Assert.All(posts, p => Assert.True(Webhooks.WebhookSigner.IsValid(p.Body, options.AppSecret, p.Signature)));
    }

    [Fact]
    public async Task VerifyWebhook_PerformsMetaHandshake()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(Simulators.Options(receiver.Url));

        Assert.True(await sim.VerifyWebhookAsync());
        Assert.False(await sim.VerifyWebhookAsync("wrong-token"));
    }
}
