using System.Net;
using System.Text.Json;
using WhatsAppCampaigns.Core.CloudApi;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.FunctionsHost.Tests;

/// <summary>
/// Queue-triggered functions, fed as the Storage Queues extension feeds them: the host's listener takes each message
/// off the queue the trigger names and invokes the function with it as model binding data.
/// </summary>
[Collection(FunctionsAppCollection.Name)]
public sealed class QueueTriggerTests(FunctionsApp app)
{
    [Fact]
    public async Task WebhooksProcessConsent_OnASignedStop_OptsTheContactOut()
    {
        var phone = HttpApi.NewPhone();
        (await app.Http.PutContactAsync(phone)).EnsureSuccessStatusCode();
        (await app.Http.PostConsentAsync(phone, "opted_in")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await app.Http.SendAsync(HttpApi.SignedInboundText(phone, "STOP", app.Simulator.PhoneNumber.Id, FunctionsApp.AppSecret))).StatusCode);

        // Inbound messages take the consent lane (a STOP is never stuck behind statuses).
        Assert.True(await app.Host.DrainQueueAsync("Webhooks_ProcessConsent", TimeSpan.FromMinutes(1)) >= 1, "nothing was queued for Webhooks_ProcessConsent");

        AssertInvocationsSucceeded("Webhooks_ProcessConsent");
        var contact = await (await app.Http.GetAsync($"/api/contacts/{Uri.EscapeDataString(phone)}")).JsonAsync();
        var marketing = contact.GetProperty("consent").EnumerateArray().Single(c => c.GetProperty("scope").GetString() == "marketing");
        Assert.Equal("opted_out", marketing.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SendsProcess_SendsAQueuedMessage_ToTheCloudApi()
    {
        (await app.Http.PostAsync("/api/templates/sync", null)).EnsureSuccessStatusCode();
        var phone = HttpApi.NewPhone();
        (await app.Http.PutContactAsync(phone)).EnsureSuccessStatusCode();
        (await app.Http.PostConsentAsync(phone, "opted_in")).EnsureSuccessStatusCode();

        // A journey step (no campaign record needed), quiet hours off so that the test does not depend on the time of day.
        var request = new SendRequest(
            $"cart:fh-{Guid.NewGuid():N}:1:0", phone, "cart_reminder", "es_MX", TemplateCategory.Marketing,
            [TemplateComponent.Body("Ana", "zapatos")], new SendPolicy(null, null, 1, TimeSpan.FromHours(24)));
        await app.Host.TriggerQueue("Sends_Process").SendMessageAsync(JsonSerializer.Serialize(request, SendRequestJson.Options));

        Assert.True(await app.Host.DrainQueueAsync("Sends_Process", TimeSpan.FromMinutes(1)) >= 1, "nothing was queued for Sends_Process");

        AssertInvocationsSucceeded("Sends_Process");
        Assert.Equal(1, app.Simulator.Ledger.CountTo(phone));
    }

    private void AssertInvocationsSucceeded(string function)
    {
        var failed = app.Host.Invocations.Where(i => i.Function == function && !i.Succeeded).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed.Select(f => f.Error)) + "\n" + app.Host.Diagnostics);
    }
}
