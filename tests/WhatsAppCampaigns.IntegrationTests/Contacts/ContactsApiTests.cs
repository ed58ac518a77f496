using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending.Recipients;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Contacts;

/// <summary>The contacts and consent API over HTTP on the running local runner, against Azurite.</summary>
public sealed class ContactsApiTests : IAsyncLifetime
{
    private RunningLocalRunner _runner = null!;

    private HttpClient Http => _runner.Http;

    public async Task InitializeAsync() => _runner = await RunningLocalRunner.StartAsync();

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    [Fact]
    public async Task Put_NationalNumberWithCountry_IsStoredInE164WithDerivedFields()
    {
        var response = await Http.PutAsJsonAsync("/api/contacts/5512345678", new { country = "MX", timeZone = "America/Mexico_City", tags = new[] { "VIP", "cart" }, attributes = new { first_name = "Ana" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contact = await Json(await Http.GetAsync("/api/contacts/+525512345678"));
        Assert.Equal("+525512345678", contact.GetProperty("phone").GetString());
        Assert.Equal("MX", contact.GetProperty("contact").GetProperty("country").GetString());
        Assert.Equal("Ana", contact.GetProperty("contact").GetProperty("attributes").GetProperty("first_name").GetString());
    }

    [Theory]
    [InlineData("+12025550123x", "phone")]
    [InlineData("+525512345678", "timeZone")]
    public async Task Put_InvalidField_Is400WithTheFieldAndStoresNothing(string phone, string field)
    {
        var response = await Http.PutAsJsonAsync($"/api/contacts/{Uri.EscapeDataString(phone)}", new { timeZone = field == "timeZone" ? "Mars/Olympus" : null });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/contacts/%2B525512345678")).StatusCode);
    }

    [Fact]
    public async Task Consent_OptOutWinsOverAnOlderOptIn_AndHistoryKeepsBoth()
    {
        const string phone = "%2B525512340010";
        await PostConsent(phone, "opted_in", "checkout_checkbox", "2026-03-01T10:00:00Z", evidence: "Send me offers from Tienda Ana by WhatsApp");
        await PostConsent(phone, "opted_out", "support_agent", "2026-03-01T12:00:00Z");
        var late = await PostConsent(phone, "opted_in", "checkout_checkbox", "2026-03-01T11:00:00Z");

        Assert.Equal("opted_out", late.GetProperty("status").GetString());
        var contact = await Json(await Http.GetAsync($"/api/contacts/{phone}"));
        Assert.Equal(3, contact.GetProperty("history").GetArrayLength());
        Assert.Equal("Send me offers from Tienda Ana by WhatsApp", contact.GetProperty("history")[0].GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task Import_MixedRows_WritesTheGoodOnesAndReportsEachBadOne()
    {
        var csv = "phone,country,tags,first_name\n+525512340020,,vip;cart,Ana\nnot-a-number,,,Bo\n+6281234567890,,,Citra\n";
        var response = await Http.PostAsync("/api/contacts/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        var report = await Json(response);
        Assert.Equal((2, 1), (report.GetProperty("imported").GetInt32(), report.GetProperty("failed").GetInt32()));
        Assert.Equal(2, report.GetProperty("errors")[0].GetProperty("row").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/api/contacts/+6281234567890")).StatusCode);

        var json = await Http.PostAsJsonAsync("/api/contacts/import", new object[] { new { phone = "+525512340021" }, new { phone = 12 } });
        Assert.Equal(1, (await Json(json)).GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task Erase_ThenReimport_StaysSuppressedUntilANewOptIn()
    {
        const string phone = "%2B525512340030";
        await Http.PutAsJsonAsync($"/api/contacts/{phone}", new { tags = new[] { "vip" } });
        await PostConsent(phone, "opted_in", "checkout_checkbox", "2026-03-01T10:00:00Z");

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/contacts/{phone}")).StatusCode);
        var export = await Json(await Http.GetAsync($"/api/contacts/{phone}/export"));
        Assert.False(export.TryGetProperty("contact", out _));
        Assert.Equal(0, export.GetProperty("history").GetArrayLength());
        Assert.True(export.TryGetProperty("suppressedSince", out _));

        await Http.PostAsJsonAsync("/api/contacts/import", new object[] { new { phone = "+525512340030" } });
        var replayed = await PostConsent(phone, "opted_in", "checkout_checkbox", "2026-03-01T10:00:00Z");
        Assert.False(replayed.GetProperty("allowsSending").GetBoolean());
        Assert.True(replayed.GetProperty("suppressed").GetBoolean());

        var fresh = await PostConsent(phone, "opted_in", "checkout_checkbox", null);
        Assert.True(fresh.GetProperty("allowsSending").GetBoolean());
    }

    [Fact]
    public async Task ExportAndErase_ReachTheRecordsOtherFeaturesKeepUnderTheNumber()
    {
        const string phone = "+525512340035";
        await Http.PutAsJsonAsync($"/api/contacts/{Uri.EscapeDataString(phone)}", new { tags = new[] { "vip" } });
        var at = DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await _runner.Get<ConsentNoticeLog>().TryRecordAsync(phone, "c-notice", at);
        await _runner.Get<RecipientActivityStore>().TryWriteAsync(RecipientActivity.New(phone).WithMarketingSend(at, TimeSpan.FromDays(7)), default, CancellationToken.None);
        await _runner.Get<IMessageLedger>().AdvanceSentAsync(new MessageKey("c-spring", phone), new MessageTransition(MessageState.Delivered, at, WamId: "wamid.1"));

        var records = (await Json(await Http.GetAsync($"/api/contacts/{Uri.EscapeDataString(phone)}/export"))).GetProperty("records");
        Assert.Equal("c-notice", records.GetProperty("consentNotice").GetProperty("campaignId").GetString());
        Assert.Equal(1, records.GetProperty("sendActivity").GetProperty("marketingSends").GetArrayLength());
        Assert.Equal("c-spring", records.GetProperty("deliveries")[0].GetProperty("campaignId").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/contacts/{Uri.EscapeDataString(phone)}")).StatusCode);

        var after = await Json(await Http.GetAsync($"/api/contacts/{Uri.EscapeDataString(phone)}/export"));
        Assert.Empty(after.GetProperty("records").EnumerateObject());
        Assert.Null(await _runner.Get<ConsentNoticeLog>().FindCampaignAsync(phone));
        Assert.Null(await _runner.Get<IMessageLedger>().FindLastDeliveredAsync(phone, at.AddHours(1), TimeSpan.FromDays(1)));
    }

    [Fact]
    public async Task Consent_UnknownStatus_Is400InvalidBody()
    {
        var response = await Http.PostAsJsonAsync("/api/contacts/%2B525512340040/consent", new { scope = "marketing", status = "maybe", source = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_body", (await Json(response)).GetProperty("code").GetString());
    }

    private async Task<JsonElement> PostConsent(string phone, string status, string source, string? at, string? evidence = null)
    {
        var response = await Http.PostAsJsonAsync($"/api/contacts/{phone}/consent", new { scope = "marketing", status, source, at, evidence, recordedBy = "tests" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json(response);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
