using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhatsAppCampaigns.CloudApiSimulator.Tests.Support;

/// <summary>Calls the simulator the way the product's Cloud API client does.</summary>
internal sealed class GraphClient : IDisposable
{
    public const string Version = "v23.0";
    private readonly HttpClient _http;
    private readonly CloudApiSimulatorHost _simulator;

    public GraphClient(CloudApiSimulatorHost simulator, string? token = null)
    {
        _simulator = simulator;
        _http = new HttpClient { BaseAddress = simulator.BaseUrl };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? simulator.Options.AccessToken);
    }

    public HttpClient Http => _http;

    public static JsonObject TemplateBody(string to, string name, string language, int parameters, string? callbackData = null)
    {
        var parameterList = new JsonArray(Enumerable.Range(1, parameters)
            .Select(i => (JsonNode?)new JsonObject { ["type"] = "text", ["text"] = $"value{i}" }).ToArray());
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = to,
            ["type"] = "template",
            ["template"] = new JsonObject
            {
                ["name"] = name,
                ["language"] = new JsonObject { ["code"] = language },
                ["components"] = new JsonArray(new JsonObject { ["type"] = "body", ["parameters"] = parameterList }),
            },
        };
        if (callbackData is not null)
        {
            body["biz_opaque_callback_data"] = callbackData;
        }
        return body;
    }

    /// <summary>Sends <c>cart_reminder</c> (es_MX, 2 parameters, marketing) by default.</summary>
    public Task<GraphAnswer> SendAsync(string to, string name = "cart_reminder", string language = "es_MX", int parameters = 2, string? callbackData = null) =>
        PostAsync(TemplateBody(to, name, language, parameters, callbackData));

    public Task<GraphAnswer> PostAsync(JsonNode body, string? phoneNumberId = null) =>
        PostRawAsync(body.ToJsonString(), phoneNumberId);

    public async Task<GraphAnswer> PostRawAsync(string body, string? phoneNumberId = null)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync($"{Version}/{phoneNumberId ?? _simulator.PhoneNumber.Id}/messages", content);
        return await GraphAnswer.ReadAsync(response);
    }

    public async Task<GraphAnswer> GetAsync(string relative)
    {
        using var response = await _http.GetAsync(relative);
        return await GraphAnswer.ReadAsync(response);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Status and parsed JSON of a Graph answer.</summary>
internal sealed record GraphAnswer(HttpStatusCode Status, JsonElement Json)
{
    public static async Task<GraphAnswer> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());

    public int ErrorCode => Json.GetProperty("error").GetProperty("code").GetInt32();

    public string Wamid => Json.GetProperty("messages")[0].GetProperty("id").GetString()!;
}
