using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace WhatsAppCampaigns.IntegrationTests.UserPaths;

/// <summary>The calls a newcomer makes from the README, over HTTP against the running local runner.</summary>
public static class UserPathApi
{
    public static Task<HttpResponseMessage> PutContactAsync(this HttpClient http, string phone, object body) =>
        http.PutAsJsonAsync($"/api/contacts/{Uri.EscapeDataString(phone)}", body);

    public static Task<HttpResponseMessage> PostConsentAsync(this HttpClient http, string phone, string scope, string status, string source = "checkout_checkbox", string? at = null) =>
        http.PostAsJsonAsync($"/api/contacts/{Uri.EscapeDataString(phone)}/consent", new { scope, status, source, at, evidence = "Sí, envíenme ofertas por WhatsApp" });

    public static async Task PutTemplateAsync(this HttpClient http, string name, string language, string category, string body = "Hola {{1}}")
    {
        var response = await http.PutAsJsonAsync($"/api/templates/{name}/{language}", new
        {
            category,
            status = "APPROVED",
            components = new object[] { new { type = "BODY", text = body } },
        });
        response.EnsureSuccessStatusCode();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, string json) =>
        http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
