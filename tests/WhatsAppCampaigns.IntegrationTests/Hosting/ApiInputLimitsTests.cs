using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Hosting;

/// <summary>
/// Every route with the hostile values a probe used (Table key characters, control characters, oversized strings and
/// lists, NaN and overflowing numbers, far-future times, script URLs): each is a 4xx with a <c>code</c>, never a 2xx
/// and never a 5xx.
/// </summary>
public sealed class ApiInputLimitsTests : IAsyncLifetime
{
    private static readonly string[] BadIds = ["a/b", "x#y", "q?", "back\\slash", "tab\there", "nl\nx", "nul\u0000x", "del\u007fx", "nel\u0085x", "soh\u0001x", new('k', 1_025)];
    private static readonly string[] BadNames = [.. BadIds, "😀", "Upper Case"];
    private RunningLocalRunner _runner = null!;

    public async Task InitializeAsync() => _runner = await RunningLocalRunner.StartAsync();

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    [Fact]
    public async Task EveryRoute_RefusesHostileValues_WithA4xxAndACode()
    {
        var failures = new List<string>();
        foreach (var (method, route, body, what) in Cases())
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), route);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            using var response = await _runner.Http.SendAsync(request);
            var status = (int)response.StatusCode;
            var code = await CodeAsync(response);
            if (status is < 400 or >= 500 || code is null)
            {
                failures.Add($"{method} {route} ({what}): {status} {code ?? "(no code)"}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<(string Method, string Route, JsonNode? Body, string What)> Cases()
    {
        var template = new JsonObject
        {
            ["category"] = "MARKETING",
            ["status"] = "APPROVED",
            ["components"] = new JsonArray(new JsonObject { ["type"] = "BODY", ["text"] = "Hola {{1}}" }),
        };
        yield return ("PUT", "/api/templates/promo%2Fx/en_US", template.DeepClone(), "name with an encoded /");
        yield return ("PUT", "/api/templates/promo/a%2Fb", template.DeepClone(), "language with an encoded /");
        yield return ("PUT", "/api/templates/promo/en_US", With(template, "components", new JsonArray([.. Enumerable.Range(0, 10_000).Select(_ => (JsonNode)new JsonObject { ["type"] = "BUTTONS" })])), "10,000 components");
        yield return ("PUT", "/api/templates/promo/en_US", With(template, "components", new JsonArray(new JsonObject { ["type"] = "BODY", ["text"] = new string('x', 100_000) })), "100 KB body");

        foreach (var route in new[] { "/api/campaigns", "/api/campaigns/forecast" })
        {
            foreach (var bad in BadNames)
            {
                yield return ("POST", route, Campaign(name: bad), $"template name {Escape(bad)}");
                yield return ("POST", route, Campaign(language: bad), $"template language {Escape(bad)}");
                yield return ("POST", route, Campaign(audience: new JsonObject { ["anyOf"] = new JsonArray(bad) }), $"tag {Escape(bad)}");
                yield return ("POST", route, Campaign(audience: new JsonObject { ["attributes"] = new JsonObject { [bad] = "x" } }), $"attribute key {Escape(bad)}");
            }

            yield return ("POST", route, With(Campaign(), "frequencyCap", new JsonObject { ["messages"] = 1, ["windowHours"] = 1e308 }), "windowHours 1e308");
            yield return ("POST", route, With(Campaign(), "frequencyCap", new JsonObject { ["messages"] = 1, ["windowHours"] = "NaN" }), "windowHours NaN");
            yield return ("POST", route, With(Campaign(), "frequencyCap", new JsonObject { ["messages"] = -1, ["windowHours"] = 24 }), "messages -1");
        }

        foreach (var bad in BadIds)
        {
            yield return ("POST", "/api/carts/events", Cart(cartId: bad), $"cartId {Escape(bad)}");
            yield return ("POST", "/api/carts/events", Cart(eventId: bad), $"eventId {Escape(bad)}");
            yield return ("POST", "/api/carts/events", Order(bad), $"orderId {Escape(bad)}");
        }

        yield return ("POST", "/api/carts/events", Order(new string('o', 2_000)), "orderId of 2 KB");
        yield return ("POST", "/api/carts/events", With(Cart(), "items", new JsonArray([.. Enumerable.Range(0, 5_000).Select(_ => (JsonNode)Item("x"))])), "5,000 items");
        yield return ("POST", "/api/carts/events", With(Cart(), "items", new JsonArray(Item(new string('n', 70_000)))), "item name of 70,000 characters");
        yield return ("POST", "/api/carts/events", With(Cart(), "occurredAt", "9999-01-01T00:00:00Z"), "occurredAt far in the future");
        yield return ("POST", "/api/carts/events", With(Cart(), "recoveryUrl", "javascript:alert(1)"), "javascript: recovery URL");
        yield return ("POST", "/api/carts/events", With(Cart(), "language", "a/b"), "language a/b");

        yield return ("PUT", "/api/contacts/+525512345678", new JsonObject { ["tags"] = new JsonArray("a/b") }, "contact tag a/b");
    }

    private static JsonObject Campaign(string name = "cart_reminder", string language = "es_MX", JsonObject? audience = null) => new()
    {
        ["name"] = "probe",
        ["template"] = new JsonObject { ["name"] = name, ["language"] = language },
        ["audience"] = audience ?? new JsonObject { ["anyOf"] = new JsonArray("vip") },
    };

    private static JsonObject Cart(string cartId = "c-1", string eventId = "e-1") => new()
    {
        ["eventId"] = eventId,
        ["type"] = "cart_updated",
        ["cartId"] = cartId,
        ["customer"] = new JsonObject { ["phone"] = "+525512345678" },
        ["items"] = new JsonArray(Item("Zapatos")),
        ["currency"] = "MXN",
        ["total"] = 59.9,
        ["recoveryUrl"] = "https://shop.example/cart/c-1",
    };

    private static JsonObject Order(string orderId) => new()
    {
        ["eventId"] = "e-order",
        ["type"] = "order_placed",
        ["cartId"] = "c-1",
        ["orderId"] = orderId,
        ["amount"] = 59.9,
        ["currency"] = "MXN",
    };

    private static JsonObject Item(string name) => new() { ["name"] = name, ["quantity"] = 1, ["price"] = 59.9 };

    private static JsonObject With(JsonObject body, string key, JsonNode? value)
    {
        var copy = body.DeepClone().AsObject();
        copy[key] = value;
        return copy;
    }

    private static string Escape(string value) => value.Length > 20 ? $"{value.Length} chars" : JsonSerializer.Serialize(value);

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return document.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
