using System.Reflection;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Health;

public sealed record HealthReport(string Status, string Version, IReadOnlyDictionary<string, string> Checks);

/// <summary>Answers "can this instance do its work": storage reachable. Cheap enough for a load balancer's probe.</summary>
public sealed class HealthProbe(StorageClients storage)
{
    private static readonly string Version =
        typeof(HealthProbe).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, string>();
        var healthy = true;
        try
        {
            await storage.Queues.GetQueueClient(storage.Names.SendsQueue).ExistsAsync(cancellationToken);
            checks["storage"] = "ok";
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            checks["storage"] = "unreachable";
            healthy = false;
        }

        return new HealthReport(healthy ? "healthy" : "unhealthy", Version, checks);
    }
}
