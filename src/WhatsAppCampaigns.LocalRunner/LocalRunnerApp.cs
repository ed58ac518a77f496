using WhatsAppCampaigns.Api;
using WhatsAppCampaigns.Core;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.LocalRunner.Hosting;

namespace WhatsAppCampaigns.LocalRunner;

/// <summary>Builds the local runner; <c>Program</c> runs it, integration tests start it on a free loopback port.</summary>
public static class LocalRunnerApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(LocalSettingsFile.WithoutArgument(args));
        builder.Configuration.AddLocalSettingsFile(args);

        // Environment variables still win over the settings file, as they do for the Functions host.
        builder.Configuration.AddEnvironmentVariables();
        // As host.json does for the Functions host: ASP.NET's request logging at Information writes every URL and query
        // string (phone numbers in /api/contacts/{phone}, the handshake's hub.verify_token), so only its warnings are kept.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);
        builder.Services.AddCampaignCore(builder.Configuration);
        builder.Services.AddCampaignApi();
        builder.Services.AddLocalRunnerHosting(builder.Configuration);

        var app = builder.Build();
        app.UseApiGuards();
        app.MapCampaignEndpoints();
        return app;
    }
}
