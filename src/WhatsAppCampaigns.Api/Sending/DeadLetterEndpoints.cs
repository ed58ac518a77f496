using Microsoft.AspNetCore.Http;
using WhatsAppCampaigns.Core.Sending.DeadLetters;

namespace WhatsAppCampaigns.Api.Sending;

/// <summary>
/// <c>GET /api/sends/dead-letters?take=50</c> lists the messages the senders gave up on, newest first;
/// <c>POST /api/sends/dead-letters/{id}/replay</c> queues one again as a fresh message and removes it from the list.
/// </summary>
public sealed class DeadLetterEndpoints(DeadLetterStore store, DeadLetterReplay replay)
{
    public const string ListRoute = "sends/dead-letters";
    public const string ReplayRoute = "sends/dead-letters/{id}/replay";
    public const int MaxTake = 500;

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var take = 50;
        if (request.Query.TryGetValue("take", out var value) && (!int.TryParse(value, out take) || take < 1 || take > MaxTake))
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid_query", "The query is not valid.", new Dictionary<string, string[]> { ["take"] = [$"take must be a whole number from 1 to {MaxTake}."] });
        }

        var letters = await store.ListAsync(take, cancellationToken);
        return Results.Ok(new { items = letters.Select(l => new { l.Id, l.CampaignId, l.Reason, l.ErrorCode, l.Detail, l.At, l.Attempts }) });
    }

    public async Task<IResult> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !id.All(char.IsAsciiLetterOrDigit))
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid_id", "The dead-letter id is not valid.", new Dictionary<string, string[]> { ["id"] = ["id must be letters and digits only."] });
        }

        return await replay.ReplayAsync(id, cancellationToken) switch
        {
            ReplayResult.Replayed => Results.Accepted(value: new { id, status = "replayed" }),
            ReplayResult.NotFound => Problem(StatusCodes.Status404NotFound, "dead_letter_not_found", "No dead letter has this id.", null),
            _ => Problem(StatusCodes.Status422UnprocessableEntity, "dead_letter_unreadable", "This dead letter is not a readable send request and cannot be replayed.", null),
        };
    }

    private static IResult Problem(int status, string code, string title, IDictionary<string, string[]>? errors) =>
        Results.Json(
            new { type = "about:blank", title, status, code, errors },
            statusCode: status,
            contentType: "application/problem+json");
}
