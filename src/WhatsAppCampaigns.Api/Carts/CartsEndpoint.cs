using System.Globalization;
using Microsoft.AspNetCore.Http;
using WhatsAppCampaigns.Core.Carts;
using WhatsAppCampaigns.Core.Journeys;
using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.Api.Carts;

/// <summary><c>POST /api/carts/events</c> and <c>GET /api/carts/stats</c>.</summary>
public sealed class CartsEndpoint(CartEventHandler handler, JourneyStats stats, TimeProvider time)
{
    public const string EventsRoute = "carts/events";
    public const string StatsRoute = "carts/stats";

    public async Task<IResult> PostEventAsync(HttpRequest request, CancellationToken ct)
    {
        var (cartEvent, problem) = await ApiJson.ReadBodyAsync<CartEvent>(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = CartEventValidator.Validate(cartEvent!, time.GetUtcNow());
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var outcome = await handler.HandleAsync(CartEventValidator.Normalize(cartEvent!), ct);
        return Results.Ok(new { eventId = cartEvent!.EventId, outcome = outcome.ToString().ToLowerInvariant() });
    }

    /// <summary>Counters summed over <c>from</c>..<c>to</c> (UTC days, inclusive; default the last 30 days).</summary>
    public async Task<IResult> GetStatsAsync(HttpRequest request, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!TryDay(request.Query["from"], today.AddDays(-29), out var from) || !TryDay(request.Query["to"], today, out var to) || from > to)
        {
            return ApiProblems.BadRequest("invalid_period", "from and to must be dates like 2026-03-01, with from <= to.");
        }

        var counters = await stats.ReadAsync(JourneyStep.Cart, from, to, ct);
        return Results.Ok(new { from, to, counters });
    }

    private static bool TryDay(string? value, DateOnly fallback, out DateOnly day)
    {
        day = fallback;
        return string.IsNullOrEmpty(value) || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
