using Microsoft.AspNetCore.Http;
using WhatsAppCampaigns.Core.Health;

namespace WhatsAppCampaigns.Api.Health;

/// <summary><c>GET /api/health</c>: 200 when this instance can reach its storage, 503 otherwise.</summary>
public sealed class HealthEndpoint(HealthProbe probe)
{
    public const string Route = "health";

    public async Task<IResult> GetAsync(CancellationToken cancellationToken)
    {
        var report = await probe.CheckAsync(cancellationToken);
        return Results.Json(report, statusCode: report.Status == "healthy" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
