using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;
using WhatsAppCampaigns.LocalRunner;

namespace WhatsAppCampaigns.IntegrationTests.Hosting;

public sealed class LocalRunnerHealthTests
{
    [Fact]
    public async Task Health_OnRunningLocalRunner_AnswersHealthyWithStorageReachable()
    {
        await using var runner = await RunningLocalRunner.StartAsync();

        var response = await runner.Http.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal("healthy", body!["status"].ToString());
    }

    [Fact]
    public async Task Start_WithoutAccessToken_FailsNamingTheSetting()
    {
        var settings = CoreServices.DefaultSettings(TestStorage.NewPrefix());
        settings.Remove("WhatsApp:AccessToken");
        await using var app = LocalRunnerApp.Create(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(settings));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains("WhatsApp:AccessToken is required", error.Message);
    }
}
