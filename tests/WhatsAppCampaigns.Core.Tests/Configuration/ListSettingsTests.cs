using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Carts;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Hosting;

namespace WhatsAppCampaigns.Core.Tests.Configuration;

/// <summary>
/// List options with defaults, bound from settings the way app settings set them: a configured list replaces its
/// default, never appends to it (configuration binding alone would append).
/// </summary>
public sealed class ListSettingsTests
{
    private static IHost Build(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WhatsApp:BusinessAccountId"] = "102290129340398",
            ["WhatsApp:BusinessPortfolioId"] = "506914307656634",
            ["WhatsApp:PhoneNumberIds:0"] = "106540352242922",
            ["WhatsApp:AccessToken"] = "token",
            ["WhatsApp:AppSecret"] = "secret",
            ["WhatsApp:WebhookVerifyToken"] = "verify",
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddCampaignCore(builder.Configuration);
        builder.Services.RemoveAll<IHostedService>();
        return builder.Build();
    }

    [Fact]
    public void ReminderSteps_ConfiguredReplaceTheDefaults()
    {
        using var host = Build(new()
        {
            ["CartReminders:Steps:0:Delay"] = "00:00:20",
            ["CartReminders:Steps:0:Template"] = "carrito_abandonado",
            ["CartReminders:Steps:0:Parameters:0"] = "total",
        });

        var steps = host.Services.GetRequiredService<IOptions<CartReminderOptions>>().Value.Steps;

        var step = Assert.Single(steps);
        Assert.Equal((TimeSpan.FromSeconds(20), "carrito_abandonado"), (step.Delay, step.Template));
        Assert.Equal(["total"], step.ParametersOr(CartReminderOptions.DefaultParameters));
    }

    [Fact]
    public void ReminderSteps_NotConfigured_AreTheDefaults()
    {
        using var host = Build([]);
        var steps = host.Services.GetRequiredService<IOptions<CartReminderOptions>>().Value.Steps;
        Assert.Equal([TimeSpan.FromHours(1), TimeSpan.FromHours(24)], steps.Select(s => s.Delay));
        Assert.All(steps, s => Assert.Equal(["customer_name", "first_item"], s.ParametersOr(CartReminderOptions.DefaultParameters)));
    }

    [Fact]
    public async Task ReminderStep_WithoutItsTemplate_FailsStartUpNamingTheRule()
    {
        using var host = Build(new() { ["CartReminders:Steps:0:Delay"] = "00:00:20" });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("configured steps replace the default ones", error.Message);
    }

    [Theory]
    [InlineData("*/30 * * * * *", true)]
    [InlineData("0 */5 * * * *", true)]
    [InlineData("every minute", false)]
    [InlineData("* * * * *", false)] // five fields: Functions wants seconds too
    public void ReminderSchedule_IsAFunctionsCronExpression(string schedule, bool valid) =>
        Assert.Equal(valid, CronSchedule.TryParse(schedule, out _));

    [Fact]
    public void ReminderSchedule_NextOccurrence_FollowsTheExpression()
    {
        var schedule = CronSchedule.Parse("0 */5 * * * *");
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 12, 5, 0, TimeSpan.Zero), schedule.Next(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 12, 5, 0, TimeSpan.Zero), schedule.Next(new DateTimeOffset(2026, 3, 2, 12, 1, 30, TimeSpan.Zero)));
    }

    [Fact]
    public void OptOutKeywords_ConfiguredLanguageReplacesItsDefaults_OthersKeepTheirs()
    {
        using var host = Build(new() { ["Consent:OptOutKeywords:es:0"] = "BASTA" });
        var keywords = host.Services.GetRequiredService<ConsentKeywords>();
        Assert.Equal(KeywordIntent.OptOut, keywords.MatchText("basta"));
        Assert.Equal(KeywordIntent.None, keywords.MatchText("baja"));
        Assert.Equal(KeywordIntent.OptOut, keywords.MatchText("berhenti"));
    }

    [Fact]
    public void OptOutButtonPayloads_ConfiguredReplaceTheDefaults()
    {
        using var host = Build(new() { ["Consent:OptOutButtonPayloads:0"] = "NO_MAS" });
        var keywords = host.Services.GetRequiredService<ConsentKeywords>();
        Assert.True(keywords.IsOptOutPayload("NO_MAS"));
        Assert.False(keywords.IsOptOutPayload("OPT_OUT"));
    }

    [Fact]
    public void AllowedCategories_ConfiguredReplaceTheDefaults()
    {
        using var host = Build(new() { ["Campaigns:AllowedCategories:0"] = "Utility" });
        Assert.Equal([Templates.TemplateCategory.Utility], host.Services.GetRequiredService<IOptions<CampaignOptions>>().Value.EffectiveAllowedCategories);
    }
}
