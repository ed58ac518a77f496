using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Configuration;

namespace WhatsAppCampaigns.Core.Tests.Configuration;

public sealed class OptionsValidationTests
{
    private static Dictionary<string, string?> ValidSettings() => new()
    {
        ["WhatsApp:GraphBaseUrl"] = "http://127.0.0.1:5010/",
        ["WhatsApp:ApiVersion"] = "v24.0",
        ["WhatsApp:BusinessAccountId"] = "102290129340398",
        ["WhatsApp:BusinessPortfolioId"] = "506914307656634",
        ["WhatsApp:PhoneNumberIds:0"] = "106540352242922",
        ["WhatsApp:AccessToken"] = "token",
        ["WhatsApp:AppSecret"] = "secret",
        ["WhatsApp:WebhookVerifyToken"] = "verify",
        ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
    };

    [Fact]
    public async Task Start_WithEverySetting_Succeeds()
    {
        using var host = Build(ValidSettings());
        await host.StartAsync();
        Assert.Equal("v24.0", host.Services.GetRequiredService<IOptions<WhatsAppOptions>>().Value.ApiVersion);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("WhatsApp:AccessToken", null, "WhatsApp:AccessToken is required")]
    [InlineData("WhatsApp:AppSecret", "", "WhatsApp:AppSecret is required")]
    [InlineData("WhatsApp:WebhookVerifyToken", null, "WhatsApp:WebhookVerifyToken is required")]
    [InlineData("WhatsApp:ApiVersion", "24", "WhatsApp:ApiVersion must be like v24.0")]
    [InlineData("WhatsApp:BusinessAccountId", "abc", "WhatsApp:BusinessAccountId must be a numeric id")]
    [InlineData("WhatsApp:BusinessPortfolioId", null, "WhatsApp:BusinessPortfolioId is required")]
    [InlineData("WhatsApp:PhoneNumberIds:0", null, "WhatsApp:PhoneNumberIds needs at least one phone number id")]
    [InlineData("Storage:ConnectionString", null, "Storage:ConnectionString is required")]
    public async Task Start_WithMissingOrMalformedSetting_FailsNamingIt(string key, string? value, string expected)
    {
        var settings = ValidSettings();
        if (value is null)
        {
            settings.Remove(key);
        }
        else
        {
            settings[key] = value;
        }

        using var host = Build(settings);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(expected, error.Message);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddCampaignCore(builder.Configuration);

        // Only the validation is under test here: no storage is touched.
        builder.Services.RemoveAll<IHostedService>();
        return builder.Build();
    }
}
