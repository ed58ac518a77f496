using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppCampaigns.Core.Webhooks;

namespace WhatsAppCampaigns.FunctionsHost.Tests;

/// <summary>Requests as the README shows them, and Meta-shaped webhooks signed with the app secret.</summary>
public static class HttpApi
{
    /// <summary>A fresh Mexican mobile number per call, so that runs and tests never share a contact.</summary>
    public static string NewPhone() => "+5255" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> PutContactAsync(this HttpClient http, string phone, string tag = "functions-host") =>
        http.PutAsJsonAsync($"/api/contacts/{Uri.EscapeDataString(phone)}", new { tags = new[] { tag }, attributes = new { first_name = "Ana", item = "zapatos" } });

    public static Task<HttpResponseMessage> PostConsentAsync(this HttpClient http, string phone, string status) =>
        http.PostAsJsonAsync($"/api/contacts/{Uri.EscapeDataString(phone)}/consent", new { scope = "marketing", status, source = "checkout_checkbox", evidence = "Sí, envíenme ofertas por WhatsApp" });

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>An inbound text message from <paramref name="fromE164"/>, as Meta posts it, with its X-Hub-Signature-256.</summary>
    public static HttpRequestMessage SignedInboundText(string fromE164, string body, string phoneNumberId, string appSecret)
    {
        var payload = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "102290129340398",
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject { ["display_phone_number"] = "15550000000", ["phone_number_id"] = phoneNumberId },
                        ["contacts"] = new JsonArray(new JsonObject { ["wa_id"] = fromE164.TrimStart('+'), ["profile"] = new JsonObject { ["name"] = "Ana" } }),
                        ["messages"] = new JsonArray(new JsonObject
                        {
                            ["from"] = fromE164.TrimStart('+'),
                            ["id"] = $"wamid.in.{Guid.NewGuid():N}",
                            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                            ["type"] = "text",
                            ["text"] = new JsonObject { ["body"] = body },
                        }),
                    },
                }),
            }),
        };
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/whatsapp") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", WebhookSignature.Compute(bytes, appSecret));
        return request;
    }
}
