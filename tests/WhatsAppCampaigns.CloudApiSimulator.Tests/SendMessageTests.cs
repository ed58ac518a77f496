using System.Net;
using WhatsAppCampaigns.CloudApiSimulator.Tests.Support;

namespace WhatsAppCampaigns.CloudApiSimulator.Tests;

public sealed class SendMessageTests
{
    [Fact]
    public async Task Send_WhenValid_AnswersAcceptedWithUniqueWamids()
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim);

        var first = await graph.SendAsync(Simulators.MexicanUser, callbackData: "campaign-1|contact-1");
        var second = await graph.SendAsync(Simulators.OtherMexicanUser);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("whatsapp", first.Json.GetProperty("messaging_product").GetString());
        var contact = first.Json.GetProperty("contacts")[0];
        Assert.Equal(Simulators.MexicanUser, contact.GetProperty("input").GetString());
        Assert.Equal("5215512345678", contact.GetProperty("wa_id").GetString());
        Assert.StartsWith("wamid.", first.Wamid);
        Assert.Equal("accepted", first.Json.GetProperty("messages")[0].GetProperty("message_status").GetString());
        Assert.NotEqual(first.Wamid, second.Wamid);

        var entry = sim.Ledger.Find(first.Wamid)!;
        Assert.Equal("campaign-1|contact-1", entry.BizOpaqueCallbackData);
        Assert.Equal(("cart_reminder", "es_MX", "MARKETING"), (entry.TemplateName, entry.TemplateLanguage, entry.Category));
        Assert.Equal(1, sim.Ledger.CountTo("5215512345678"));
    }

    [Theory]
    [InlineData("wrong-token")]
    [InlineData("")]
    public async Task Send_WhenTokenWrongOrMissing_Answers190With401(string token)
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim, "placeholder");
        graph.Http.DefaultRequestHeaders.Authorization = token.Length == 0 ? null : new("Bearer", token);

        var answer = await graph.SendAsync(Simulators.MexicanUser);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal(190, answer.ErrorCode);
        Assert.Equal("OAuthException", answer.Json.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(0, sim.Ledger.Count);
    }

    [Fact]
    public async Task Send_WhenFieldMissing_AnswersGraphEnvelopeWith131008()
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim);
        var body = GraphClient.TemplateBody(Simulators.MexicanUser, "cart_reminder", "es_MX", 2);
        body.Remove("to");

        var answer = await graph.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var error = answer.Json.GetProperty("error");
        Assert.Equal(131008, error.GetProperty("code").GetInt32());
        Assert.StartsWith("(#131008)", error.GetProperty("message").GetString());
        Assert.Equal("whatsapp", error.GetProperty("error_data").GetProperty("messaging_product").GetString());
        Assert.Contains("to", error.GetProperty("error_data").GetProperty("details").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("fbtrace_id").GetString()));
        Assert.Equal(1, sim.Ledger.RejectionCount(131008));
    }

    [Theory]
    [InlineData("""{"messaging_product":"sms","to":"+5215512345678","type":"template"}""", 100)]
    [InlineData("""{"messaging_product":"whatsapp","to":"call me","type":"template"}""", 131009)]
    [InlineData("""{"messaging_product":"whatsapp","to":"+5215512345678","type":"text","text":{"body":"hi"}}""", 131009)]
    [InlineData("""{"messaging_product":"whatsapp","to":"+5215512345678","type":"template","template":{"name":"cart_reminder"}}""", 131008)]
    [InlineData("""{"messaging_product":"whatsapp","to":"+5215512345678","type":"template","template":{"name":"hello_world","language":{"code":"en_US"},"components":{"type":"body"}}}""", 131009)]
    [InlineData("""{"messaging_product":"whatsapp","to":"+5215512345678","type":"template","template":{"name":"hello_world","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text"}]}]}}""", 131008)]
    [InlineData("not json", 100)]
    public async Task Send_WhenBodyInvalid_AnswersValidationCode(string body, int expectedCode)
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim);

        var answer = await graph.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(expectedCode, answer.ErrorCode);
    }

    [Fact]
    public async Task Send_WhenPhoneNumberIdUnknown_Answers100()
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim);

        var answer = await graph.PostAsync(GraphClient.TemplateBody(Simulators.MexicanUser, "cart_reminder", "es_MX", 2), "999");

        Assert.Equal(100, answer.ErrorCode);
        Assert.Equal(33, answer.Json.GetProperty("error").GetProperty("error_subcode").GetInt32());
    }

    [Theory]
    [InlineData("no_such_template", "en_US", 0, 132001)]
    [InlineData("cart_reminder", "fr_FR", 2, 132001)]
    [InlineData("paused_promo", "en_US", 1, 132015)]
    [InlineData("disabled_promo", "en_US", 1, 132016)]
    [InlineData("cart_reminder", "es_MX", 1, 132000)]
    [InlineData("hello_world", "en_US", 1, 132000)]
    public async Task Send_WhenTemplateUnusable_AnswersTemplateCode(string name, string language, int parameters, int expectedCode)
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim);

        var answer = await graph.SendAsync(Simulators.MexicanUser, name, language, parameters);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(expectedCode, answer.ErrorCode);
        Assert.Equal(0, sim.Ledger.Count);
    }

    [Fact]
    public async Task Send_WhenTemplatePausedAtRunTime_Answers132015()
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim);
        Assert.Equal(HttpStatusCode.OK, (await graph.SendAsync(Simulators.MexicanUser)).Status);

        sim.Scenario.PauseTemplate("cart_reminder", "es_MX");

        Assert.Equal(132015, (await graph.SendAsync(Simulators.MexicanUser)).ErrorCode);
    }

    [Fact]
    public async Task Send_WhenFailuresInjected_AnswersThemInOrderThenRecovers()
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim);
        sim.Scenario.FailNext(2, 130429);

        Assert.Equal(130429, (await graph.SendAsync(Simulators.MexicanUser)).ErrorCode);
        Assert.Equal(130429, (await graph.SendAsync(Simulators.MexicanUser)).ErrorCode);
        Assert.Equal(HttpStatusCode.OK, (await graph.SendAsync(Simulators.MexicanUser)).Status);
    }

    [Fact]
    public async Task Send_WhenTransientRateIsOne_AnswersOnlyTransientCodes()
    {
        var options = Simulators.Options();
        options.Limits = options.Limits with { TransientErrorRate = 1.0 };
        await using var sim = await Simulators.StartAsync(options);
        using var graph = new GraphClient(sim);

        var codes = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            codes.Add((await graph.SendAsync(Simulators.MexicanUser)).ErrorCode);
        }

        Assert.All(codes, code => Assert.Contains(code, new[] { 131000, 131016 }));
        Assert.Equal(0, sim.Ledger.Count);
    }
}
