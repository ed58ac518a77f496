using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhatsAppCampaigns.FunctionsHost.Tests;

/// <summary>
/// HTTP functions invoked as the host invokes them under the ASP.NET Core integration: an invocation over gRPC and the
/// request itself forwarded to the worker's HTTP endpoint. Each answer must be the local runner's for the same request.
/// </summary>
[Collection(FunctionsAppCollection.Name)]
public sealed class HttpTriggerTests(FunctionsApp app)
{
    [Fact]
    public async Task Health_AnswersAsTheLocalRunnerDoes()
    {
        await AssertSameAnswerAsync(http => http.GetAsync("/api/health"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task ContactPutGetAndConsent_AnswerAsTheLocalRunnerDoes_AndTheConsentIsStored()
    {
        var phone = HttpApi.NewPhone();
        await AssertSameAnswerAsync(http => http.PutContactAsync(phone), HttpStatusCode.OK, HttpStatusCode.Created);
        await AssertSameAnswerAsync(http => http.PostConsentAsync(phone, "opted_in"), HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Accepted);
        var contact = await AssertSameAnswerAsync(http => http.GetAsync($"/api/contacts/{Uri.EscapeDataString(phone)}"), HttpStatusCode.OK);

        Assert.Contains("opted_in", contact);
    }

    [Fact]
    public async Task BadInput_GetsTheSameProblem()
    {
        await AssertSameAnswerAsync(http => http.PutContactAsync("not-a-phone"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task WebhookHandshake_EchoesTheChallengeOnlyForTheVerifyToken()
    {
        var answer = await AssertSameAnswerAsync(
            http => http.GetAsync($"/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={FunctionsApp.VerifyToken}&hub.challenge=1158201444"),
            HttpStatusCode.OK);
        Assert.Equal("1158201444", answer);

        await AssertSameAnswerAsync(http => http.GetAsync("/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1158201444"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SignedWebhook_IsAcknowledged_AndQueuedWhereItsLaneListens_UnsignedIsRejected()
    {
        // An inbound message may be a STOP: it is queued on the consent lane.
        var queue = app.Host.TriggerQueue("Webhooks_ProcessConsent");
        await queue.CreateIfNotExistsAsync();
        var phone = HttpApi.NewPhone();

        await AssertSameAnswerAsync(
            http => http.SendAsync(HttpApi.SignedInboundText(phone, "hola", app.Simulator.PhoneNumber.Id, FunctionsApp.AppSecret)), HttpStatusCode.OK);
        await AssertSameAnswerAsync(
            http => http.SendAsync(HttpApi.SignedInboundText(phone, "hola", app.Simulator.PhoneNumber.Id, "not-the-secret")), HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);

        var peeked = (await queue.PeekMessagesAsync(32)).Value;
        Assert.Contains(peeked, m => m.Body.ToString().Contains(phone.TrimStart('+'), StringComparison.Ordinal));
    }

    [Fact]
    public async Task FunctionKey_IsRequiredExceptForAnonymousFunctions()
    {
        using var anonymous = app.Host.CreateHttpClient(withFunctionKey: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/contacts/%2B525512345678")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/health")).StatusCode);
    }

    /// <summary>
    /// Sends the same request to the Functions app (through the test host) and to the local runner; their status codes,
    /// content types and bodies (times aside) must match, and the status must be one expected. Returns the body.
    /// </summary>
    private async Task<string> AssertSameAnswerAsync(Func<HttpClient, Task<HttpResponseMessage>> call, params HttpStatusCode[] expected)
    {
        var failedBefore = app.Host.Invocations.Count(i => !i.Succeeded);
        using var functions = await call(app.Http);
        using var reference = await call(await app.ReferenceAsync());
        var functionsBody = await functions.Content.ReadAsStringAsync();
        var referenceBody = await reference.Content.ReadAsStringAsync();

        Assert.True(expected.Contains(functions.StatusCode), $"Functions app answered {(int)functions.StatusCode}: {functionsBody}\n{app.Host.Diagnostics}");
        Assert.Equal(reference.StatusCode, functions.StatusCode);
        Assert.Equal(reference.Content.Headers.ContentType?.MediaType, functions.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Normalize(referenceBody), Normalize(functionsBody));
        Assert.Equal(failedBefore, app.Host.Invocations.Count(i => !i.Succeeded));
        return functionsBody;
    }

    /// <summary>Times (and build stamps) differ between two runs of the same request; everything else must not.</summary>
    private static string Normalize(string body)
    {
        try
        {
            var node = JsonNode.Parse(body);
            return Normalize(node)?.ToJsonString() ?? "null";
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    o[key] = Normalize(o[key]?.DeepClone());
                }

                return o;
            case JsonArray a:
                return new JsonArray(a.Select(i => Normalize(i?.DeepClone())).ToArray());
            case JsonValue v when v.TryGetValue<string>(out var s) && s.Length >= 19 && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out _):
                return JsonValue.Create("<time>");
            case JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith("00-", StringComparison.Ordinal):
                return JsonValue.Create("<trace>");
            case JsonValue v when v.TryGetValue<string>(out var s) && System.Text.RegularExpressions.Regex.IsMatch(s, @"\+[0-9a-f]{7,40}$"):
                // A version stamped with the commit each project was last built at: the two hosts may be built apart.
                return JsonValue.Create(s[..s.LastIndexOf('+')]);
            default:
                return node;
        }
    }
}
