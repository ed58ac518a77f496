using System.Text;
using Microsoft.AspNetCore.Http;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.IntegrationTests.Campaigns;

/// <summary>Each policy case refuses the launch over HTTP with its reason, and nothing starts.</summary>
public sealed class LaunchPolicyTests
{
    [Theory]
    [InlineData("unknown_template", null, null, "template_unknown")]
    [InlineData("pending_template", null, null, "template_not_approved")]
    [InlineData("otp_code", null, null, "category_not_allowed")]
    [InlineData(CampaignHarness.Template, "US", null, "country_not_allowed")]
    [InlineData(CampaignHarness.Template, null, "utility_only", "marketing_consent_required")]
    [InlineData(CampaignHarness.Template, null, null, "parameter_count_mismatch")]
    public async Task Launch_BreakingPolicy_Is422WithReasonAndStartsNothing(string template, string? country, string? tag, string code)
    {
        await using var harness = await CampaignHarness.StartAsync();
        await harness.RegisterTemplateAsync("pending_template", TemplateCategory.Marketing, status: "PENDING");
        await harness.RegisterTemplateAsync("otp_code", TemplateCategory.Authentication);
        var utilityOnly = await harness.SeedContactsAsync(5, tag: "utility_only", marketingConsent: false);
        foreach (var phone in utilityOnly)
        {
            await harness.OptInAsync(phone, ConsentScope.Utility);
        }

        var parameters = code == "parameter_count_mismatch" ? "[]" : """[{"attribute":"first_name","default":"there"}]""";
        var countries = country is null ? "null" : $"[\"{country}\"]";
        var body = $$"""
            {"name":"spring","template":{"name":"{{template}}","language":"en_US"},
             "audience":{"anyOf":["{{tag ?? "vip"}}"],"countries":{{countries}}},"parameters":{{parameters}}}
            """;

        var problem = await CampaignControlTests.BodyOf(await CampaignControlTests.Endpoint(harness).CreateAsync(Request(body), harness.Client, default));

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, problem.GetProperty("status").GetInt32());
        Assert.Equal("policy_violation", problem.GetProperty("code").GetString());
        Assert.Contains(problem.GetProperty("violations").EnumerateArray(), v => v.GetProperty("code").GetString() == code);
        Assert.Empty(await harness.Client.GetAllInstancesAsync().ToListAsync());
    }

    [Fact]
    public async Task Launch_MalformedRequest_Is400WithFieldErrors()
    {
        await using var harness = await CampaignHarness.StartAsync();
        const string body = """{"template":{"name":"x"},"audience":{"countries":["USA"]},"quietHours":{"start":"9pm"}}""";

        var problem = await CampaignControlTests.BodyOf(await CampaignControlTests.Endpoint(harness).CreateAsync(Request(body), harness.Client, default));

        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("name", fields);
        Assert.Contains("template", fields);
        Assert.Contains("audience.countries", fields);
        Assert.Contains("quietHours.start", fields);
    }

    [Fact]
    public async Task ConsentNotice_GoesOnceToUtilityOnlyContacts()
    {
        await using var harness = await CampaignHarness.StartAsync();
        var utilityOnly = await harness.SeedContactsAsync(6, tag: "members", marketingConsent: false);
        var marketing = await harness.SeedContactsAsync(3, tag: "members", offset: 50);
        foreach (var phone in utilityOnly.Concat(marketing))
        {
            await harness.OptInAsync(phone, ConsentScope.Utility);
        }

        await harness.OptOutAsync(utilityOnly[0], ConsentScope.Marketing);
        var notice = CampaignHarness.Draft(tag: "members", kind: CampaignKind.ConsentNotice, template: CampaignHarness.UtilityTemplate);

        var first = await harness.LaunchAsync(notice);
        var firstRun = (await harness.WaitForCompletionAsync(first)).ReadOutputAs<CampaignRunStatus>()!;
        var second = await harness.LaunchAsync(notice);
        var secondRun = (await harness.WaitForCompletionAsync(second)).ReadOutputAs<CampaignRunStatus>()!;

        Assert.Equal(utilityOnly.Skip(1).Order(), harness.Queue.Sent.Select(s => s.Recipient).Order());
        Assert.Equal(3, firstRun.Totals.Skipped[SkipReasons.HasMarketingConsent]);
        Assert.Equal(1, firstRun.Totals.Skipped[SkipReasons.OptedOut]);
        Assert.Equal(5, secondRun.Totals.Skipped[SkipReasons.ConsentNoticeAlreadySent]);
        Assert.Equal(0, secondRun.Totals.Enqueued);
    }

    [Fact]
    public async Task ConsentNotice_WithMarketingTemplate_IsRefused()
    {
        await using var harness = await CampaignHarness.StartAsync();
        var result = await harness.Core.Get<CampaignLauncher>().LaunchAsync(CampaignHarness.Draft(kind: CampaignKind.ConsentNotice), harness.Client);
        Assert.Contains(result.Violations, v => v.Code == PolicyViolation.ConsentNoticeNeedsUtility);
    }

    internal static HttpRequest Request(string json)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        context.Request.ContentType = "application/json";
        return context.Request;
    }
}
