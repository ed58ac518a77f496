using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;
using WhatsAppCampaigns.Core.Campaigns.Testing;
using WhatsAppCampaigns.LocalRunner.Hosting;

namespace WhatsAppCampaigns.IntegrationTests.Campaigns;

/// <summary>
/// The campaign orchestrator and its activities under the in-process Durable Task host, wired to an already built core.
/// Shared by the integration tests and the fan-out benchmark (not xunit-bound).
/// </summary>
public static class CampaignDurableHost
{
    public static Task<DurableTaskTestHost> StartAsync(IServiceProvider core)
    {
        // The host's gRPC sidecar is a WebHostBuilder that logs four Information lines per call to the console and has
        // no option to stop it; it reads ASPNETCORE_-prefixed configuration, so this is the way to quiet it.
        Environment.SetEnvironmentVariable("ASPNETCORE_Logging__LogLevel__Default", "Warning");
        return DurableTaskTestHost.StartAsync(
            registry => registry.AddCampaignTasks(),
            new DurableTaskTestHostOptions
            {
                // A free port, not the host's random pick in 30000-40000, which collides with parallel test classes
                // and with the OS's ephemeral ports.
                Port = FreeTcpPort.Next(),
                LoggerFactory = NullLoggerFactory.Instance,
                ConfigureServices = services => services
                    .AddSingleton(core.GetRequiredService<CampaignFanOut>())
                    .AddSingleton(core.GetRequiredService<CampaignCommands>())
                    .AddSingleton(core.GetRequiredService<ICampaignStore>())
                    .AddSingleton(core.GetRequiredService<VariantTestDecider>()),
            });
    }
}
