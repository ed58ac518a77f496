using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using WhatsAppCampaigns.CloudApiSimulator.Tests.Support;
using WhatsAppCampaigns.CloudApiSimulator.Webhooks;

namespace WhatsAppCampaigns.CloudApiSimulator.Tests;

/// <summary>Where the simulator must be exactly as strict and as odd as Meta, so the product meets Meta's real forms.</summary>
public sealed partial class MetaFidelityTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task WebhookBody_IsAscii_WithNonAsciiEscapedInLowercase_AndSignedInThatForm()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(Simulators.Options(receiver.Url));

        await sim.PostInboundTextAsync("5215512345678", "Adiós 😀 \"ñ\"", "José");

        var post = Assert.Single(receiver.Received);
        Assert.All(post.Body, b => Assert.True(b < 0x80, $"byte 0x{b:x2} is not ASCII"));
        Assert.Contains("Adi\\u00f3s \\ud83d\\ude00 \\\"\\u00f1\\\"", post.Text, StringComparison.Ordinal);
        Assert.Contains("Jos\\u00e9", post.Text, StringComparison.Ordinal);
        Assert.True(WebhookSigner.IsValid(post.Body, sim.Options.AppSecret, post.Signature));
        var message = post.Change.GetProperty("value").GetProperty("messages")[0];
        Assert.Equal("Adiós 😀 \"ñ\"", message.GetProperty("text").GetProperty("body").GetString());
    }

    [Theory]
    [InlineData("+52 55 1234 5678")]
    [InlineData("+525512345678")]
    [InlineData("+5215512345678")]
    public async Task MexicanMobile_IsReportedAsWaId521_InTheAnswerAndTheStatuses(string to)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(Simulators.Options(receiver.Url));
        using var graph = new GraphClient(sim);

        var answer = await graph.SendAsync(to);
        Assert.True(await sim.WaitForWebhooksIdleAsync(Idle));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("5215512345678", answer.Json.GetProperty("contacts")[0].GetProperty("wa_id").GetString());
        Assert.NotEmpty(receiver.Received);
        Assert.All(receiver.Received, p => Assert.Equal("5215512345678", p.Status.GetProperty("recipient_id").GetString()));
    }

    [Fact]
    public async Task Error190_HasGraphsOAuthShape()
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim, "wrong-token");

        var error = (await graph.SendAsync(Simulators.MexicanUser)).Json.GetProperty("error");

        Assert.Equal(190, error.GetProperty("code").GetInt32());
        Assert.Equal("OAuthException", error.GetProperty("type").GetString());
        Assert.DoesNotContain("(#", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(error.TryGetProperty("error_data", out _));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("fbtrace_id").GetString()));
    }

    [Fact]
    public async Task Wamid_IsStandardBase64_WithPlusSlashAndPadding()
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim);

        var wamid = (await graph.SendAsync(Simulators.MexicanUser)).Wamid;

        Assert.Matches(WamidPattern(), wamid);
        Assert.Contains('+', wamid);
        Assert.Contains('/', wamid);
        Assert.EndsWith("=", wamid, StringComparison.Ordinal);
        Assert.NotEmpty(Convert.FromBase64String(wamid["wamid.".Length..]));
    }

    [GeneratedRegex("^wamid\\.[A-Za-z0-9+/]+={0,2}$")]
    private static partial Regex WamidPattern();
}
