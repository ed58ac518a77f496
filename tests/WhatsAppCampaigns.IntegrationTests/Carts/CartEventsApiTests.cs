using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WhatsAppCampaigns.Core.Carts;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Carts;

/// <summary><c>POST /api/carts/events</c> on the running local runner: bad input gets a clear 4xx and changes nothing.</summary>
public sealed class CartEventsApiTests
{
    private const string Valid = """
        {"eventId":"e-1","type":"cart_updated","cartId":"c-1","customer":{"phone":"+52 55 1234 5678","name":"Ana"},
         "items":[{"name":"Zapatos","quantity":1,"price":59.9}],"currency":"MXN","total":59.9,"recoveryUrl":"https://shop.example/cart/c-1"}
        """;

    [Theory]
    [InlineData("text/plain", Valid, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type")]
    [InlineData("application/json", "{not json", HttpStatusCode.BadRequest, "invalid_body")]
    [InlineData("application/json", "", HttpStatusCode.BadRequest, "invalid_body")]
    [InlineData("application/json", """{"eventId":"e-2","type":"cart_updated","cartId":"c-1","customer":{"phone":"12"},"items":[],"currency":"mxn","total":-1}""", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("application/json", """{"eventId":"e-3","type":"cart_abandoned","cartId":"c-1"}""", HttpStatusCode.BadRequest, "validation_failed")]
    public async Task BadEvent_IsRefusedWithACode_AndStoresNothing(string contentType, string body, HttpStatusCode status, string code)
    {
        await using var runner = await RunningLocalRunner.StartAsync();

        var response = await runner.Http.PostAsync("/api/carts/events", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Null((await runner.Get<CartStore>().GetAsync("c-1", default)).State);
    }

    [Fact]
    public async Task ValidEvent_IsApplied_WithTheNumberNormalised_AndARepeatIsADuplicate()
    {
        await using var runner = await RunningLocalRunner.StartAsync();

        var first = await runner.Http.PostAsync("/api/carts/events", new StringContent(Valid, Encoding.UTF8, "application/json"));
        var again = await runner.Http.PostAsync("/api/carts/events", new StringContent(Valid, Encoding.UTF8, "application/json"));

        Assert.Equal("applied", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal("duplicate", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal("+525512345678", (await runner.Get<CartStore>().GetAsync("c-1", default)).State!.Phone);
    }
}
