using System.Net;
using System.Text.Json.Nodes;
using WhatsAppCampaigns.CloudApiSimulator.Tests.Support;
using WhatsAppCampaigns.CloudApiSimulator.Webhooks;

namespace WhatsAppCampaigns.CloudApiSimulator.Tests;

public sealed class InboundWebhookTests
{
    [Fact]
    public async Task PostInboundText_DeliversSignedMessagesWebhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(Simulators.Options(receiver.Url));

        var result = await sim.PostInboundTextAsync("5215512345678", "STOP", "Ana");

        Assert.True(result.Delivered);
        var post = Assert.Single(receiver.Received);
        Assert.True(WebhookSigner.IsValid(post.Body, sim.Options.AppSecret, post.Signature));
        var value = post.Change.GetProperty("value");
        Assert.Equal("messages", post.Change.GetProperty("field").GetString());
        Assert.Equal("Ana", value.GetProperty("contacts")[0].GetProperty("profile").GetProperty("name").GetString());
        Assert.Equal("5215512345678", value.GetProperty("contacts")[0].GetProperty("wa_id").GetString());
        var message = value.GetProperty("messages")[0];
        Assert.Equal(("5215512345678", "text", "STOP"), (message.GetProperty("from").GetString(), message.GetProperty("type").GetString(), message.GetProperty("text").GetProperty("body").GetString()));
        Assert.Equal(result.MessageId, message.GetProperty("id").GetString());
    }

    [Fact]
    public async Task PostInboundButton_CarriesPayloadAndContextWamid()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(Simulators.Options(receiver.Url));

        await sim.PostInboundButtonAsync("5215512345678", "STOP_PROMOTIONS", "Stop promotions", "wamid.original");

        var message = Assert.Single(receiver.Received).Change.GetProperty("value").GetProperty("messages")[0];
        Assert.Equal("button", message.GetProperty("type").GetString());
        Assert.Equal("STOP_PROMOTIONS", message.GetProperty("button").GetProperty("payload").GetString());
        Assert.Equal("Stop promotions", message.GetProperty("button").GetProperty("text").GetString());
        Assert.Equal("wamid.original", message.GetProperty("context").GetProperty("id").GetString());
    }

    [Fact]
    public async Task PostUserPreferenceStop_PostsWebhookAndStopsMarketing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(Simulators.Options(receiver.Url));
        using var graph = new GraphClient(sim);

        await sim.PostUserPreferenceAsync("5215512345678", "stop");

        var change = Assert.Single(receiver.Received).Change;
        Assert.Equal("user_preferences", change.GetProperty("field").GetString());
        var preference = change.GetProperty("value").GetProperty("user_preferences")[0];
        Assert.Equal(("5215512345678", "marketing_messages", "stop"), (preference.GetProperty("wa_id").GetString(), preference.GetProperty("category").GetString(), preference.GetProperty("value").GetString()));
        var sent = await graph.SendAsync(Simulators.MexicanUser);
        Assert.Equal(131050, sim.Ledger.Find(sent.Wamid)!.FailureCode);

        await sim.PostUserPreferenceAsync("5215512345678", "resume");
        Assert.False(sim.Scenario.IsStopped(Simulators.MexicanUser));
    }

    [Fact]
    public async Task PostTemplateStatusPaused_PostsWebhookAndPausesTemplate()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(Simulators.Options(receiver.Url));
        using var graph = new GraphClient(sim);

        await sim.PostTemplateStatusAsync("cart_reminder", "es_MX", "PAUSED", "LOW_QUALITY");

        var change = Assert.Single(receiver.Received).Change;
        Assert.Equal("message_template_status_update", change.GetProperty("field").GetString());
        Assert.Equal("PAUSED", change.GetProperty("value").GetProperty("event").GetString());
        Assert.Equal("cart_reminder", change.GetProperty("value").GetProperty("message_template_name").GetString());
        Assert.Equal(132015, (await graph.SendAsync(Simulators.MexicanUser)).ErrorCode);

        await sim.PostTemplateStatusAsync("cart_reminder", "es_MX", "REINSTATED");
        Assert.Equal(HttpStatusCode.OK, (await graph.SendAsync(Simulators.MexicanUser)).Status);
    }

    [Fact]
    public async Task PostRawWebhook_SignsTheExactBytes()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(Simulators.Options(receiver.Url));

        await sim.PostRawWebhookAsync(new JsonObject { ["object"] = "whatsapp_business_account", ["entry"] = new JsonArray() });

        var post = Assert.Single(receiver.Received);
        Assert.True(WebhookSigner.IsValid(post.Body, sim.Options.AppSecret, post.Signature));
        Assert.False(WebhookSigner.IsValid(post.Body, "another-secret", post.Signature));
    }

    [Fact]
    public async Task PostInbound_WithoutWebhookUrl_ReportsNotDelivered()
    {
        await using var sim = await Simulators.StartAsync();

        var result = await sim.PostInboundTextAsync("5215512345678", "hola");

        Assert.False(result.Delivered);
        Assert.Equal(0, result.Attempts);
    }
}
