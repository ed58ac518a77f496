using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WhatsAppCampaigns.Api.Problems;

/// <summary>Reads a JSON body; a body that is not JSON is 415, malformed JSON a field error rather than an exception.</summary>
public static class RequestBody
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (!ApiJson.IsJson(request))
        {
            return (null, ApiProblems.UnsupportedMediaType("application/json"));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Json, ct);
            return value is null
                ? (null, ApiProblems.Validation(new Dictionary<string, string[]> { ["body"] = ["A JSON object is required."] }))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.Validation(new Dictionary<string, string[]> { [ex.Path ?? "body"] = ["Malformed JSON or a value of the wrong type."] }));
        }
    }
}
