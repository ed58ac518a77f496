using System.Net;
using WhatsAppCampaigns.CloudApiSimulator.Templates;
using WhatsAppCampaigns.CloudApiSimulator.Tests.Support;

namespace WhatsAppCampaigns.CloudApiSimulator.Tests;

public sealed class GraphReadTests
{
    [Fact]
    public async Task ListTemplates_FollowingNextLinks_ReturnsEveryTemplateOnce()
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim);

        var names = new List<string>();
        var pages = 0;
        string? next = $"{GraphClient.Version}/{sim.Options.WabaId}/message_templates?limit=3";
        while (next is not null)
        {
            var page = await graph.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            pages++;
            foreach (var template in page.Json.GetProperty("data").EnumerateArray())
            {
                names.Add($"{template.GetProperty("name").GetString()}/{template.GetProperty("language").GetString()}");
                Assert.False(string.IsNullOrEmpty(template.GetProperty("id").GetString()));
                Assert.Equal("BODY", template.GetProperty("components")[0].GetProperty("type").GetString());
            }
            var paging = page.Json.GetProperty("paging");
            Assert.False(string.IsNullOrEmpty(paging.GetProperty("cursors").GetProperty("after").GetString()));
            next = paging.TryGetProperty("next", out var link) ? link.GetString() : null;
        }

        Assert.Equal(DefaultTemplates.All.Count, names.Count);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal((DefaultTemplates.All.Count + 2) / 3, pages);
    }

    [Fact]
    public async Task ListTemplates_WithAfterCursor_StartsAfterThePreviousPage()
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim);
        var first = await graph.GetAsync($"{GraphClient.Version}/{sim.Options.WabaId}/message_templates?limit=2");
        var after = first.Json.GetProperty("paging").GetProperty("cursors").GetProperty("after").GetString();

        var second = await graph.GetAsync($"{GraphClient.Version}/{sim.Options.WabaId}/message_templates?limit=2&after={Uri.EscapeDataString(after!)}");

        var all = sim.Templates.All();
        Assert.Equal(all[2].Name, second.Json.GetProperty("data")[0].GetProperty("name").GetString());
        Assert.Equal(all[2].Language, second.Json.GetProperty("data")[0].GetProperty("language").GetString());
    }

    [Fact]
    public async Task ListTemplates_ForUnknownWabaOrBadToken_AnswersGraphErrors()
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim);
        using var stranger = new GraphClient(sim, "bad");

        Assert.Equal(100, (await graph.GetAsync($"{GraphClient.Version}/42/message_templates")).ErrorCode);
        Assert.Equal(190, (await stranger.GetAsync($"{GraphClient.Version}/{sim.Options.WabaId}/message_templates")).ErrorCode);
    }

    [Fact]
    public async Task ReadPhoneNumber_ReturnsAskedFieldsAndId()
    {
        await using var sim = await Simulators.StartAsync();
        using var graph = new GraphClient(sim);

        var answer = await graph.GetAsync($"{GraphClient.Version}/{sim.PhoneNumber.Id}?fields=status,quality_rating,whatsapp_business_manager_messaging_limit,throughput");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(sim.PhoneNumber.Id, answer.Json.GetProperty("id").GetString());
        Assert.Equal("CONNECTED", answer.Json.GetProperty("status").GetString());
        Assert.Equal("GREEN", answer.Json.GetProperty("quality_rating").GetString());
        Assert.Equal("TIER_2K", answer.Json.GetProperty("whatsapp_business_manager_messaging_limit").GetString());
        Assert.Equal("STANDARD", answer.Json.GetProperty("throughput").GetProperty("level").GetString());
        Assert.False(answer.Json.TryGetProperty("display_phone_number", out _));
    }
}
