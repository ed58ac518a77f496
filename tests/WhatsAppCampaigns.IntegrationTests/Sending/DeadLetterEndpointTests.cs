using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Sending.DeadLetters;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;
using WhatsAppCampaigns.IntegrationTests.Sending.Support;

namespace WhatsAppCampaigns.IntegrationTests.Sending;

/// <summary>The dead-letter routes on the real local runner.</summary>
public sealed class DeadLetterEndpointTests
{
    [Fact]
    public async Task DeadLetters_ListReplayAndBadInput_AnswerLikeTheApiPromises()
    {
        await using var runner = await RunningLocalRunner.StartAsync();
        var app = runner.App;
        var http = runner.Http;
        var request = SenderWorld.Request(SenderWorld.Recipient(5));
        var letter = await app.Services.GetRequiredService<DeadLetterStore>().AddAsync(request.CampaignId, "invalid_request", 100, "bad parameter", 1, SendRequestJson.Serialize(request), CancellationToken.None);

        var list = await http.GetFromJsonAsync<JsonElement>("/api/sends/dead-letters?take=10");
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(letter.Id, item.GetProperty("id").GetString());
        Assert.Equal("invalid_request", item.GetProperty("reason").GetString());
        Assert.False(item.TryGetProperty("body", out _), "the list does not expose recipients");

        var badTake = await http.GetAsync("/api/sends/dead-letters?take=0");
        Assert.Equal(HttpStatusCode.BadRequest, badTake.StatusCode);
        Assert.Equal("invalid_query", (await badTake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var unknown = await http.PostAsync("/api/sends/dead-letters/0123abc/replay", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("dead_letter_not_found", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var replay = await http.PostAsync($"/api/sends/dead-letters/{letter.Id}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        // The runner's own wa-sends pump takes the replayed message: it reaches a sender, which records its outcome.
        var ledger = app.Services.GetRequiredService<Core.Messages.IMessageLedger>();
        var key = new Core.Messages.MessageKey(request.CampaignId, request.Recipient);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await ledger.GetAsync(key) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.NotNull(await ledger.GetAsync(key));
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("/api/sends/dead-letters")).GetProperty("items").EnumerateArray());
    }
}
