using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
        await using var app = LocalRunnerApp.Create(
            ["--urls", "http://127.0.0.1:0"],
            builder => builder.Configuration.AddInMemoryCollection(CoreServices.DefaultSettings(TestStorage.NewPrefix())));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var response = await http.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal("healthy", body!["status"].ToString());
        await app.StopAsync();
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
