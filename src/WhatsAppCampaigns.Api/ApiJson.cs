using System.Text.Json;
using System.Text.Json.Serialization;

namespace WhatsAppCampaigns.Api;

/// <summary>The API's JSON: camelCase properties, enums as snake_case words (<c>opted_in</c>, <c>marketing</c>).</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Responses are application/json, never embedded in HTML: E.164's "+" need not become "\u002B".
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// <c>application/json</c> or a <c>+json</c> type, parameters aside; nothing else (not <c>application/jsonx</c>, and
    /// not the <c>text/plain</c> or form posts a web page on any site can send without a preflight).
    /// </summary>
    public static bool IsJson(Microsoft.AspNetCore.Http.HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Value is { } media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// The usual first step of an endpoint: the body as <typeparamref name="T"/>, or the 415/400 that says why not.
    /// Nothing has been changed when a problem comes back.
    /// </summary>
    public static async Task<(T? Value, Microsoft.AspNetCore.Http.IResult? Problem)> ReadBodyAsync<T>(Microsoft.AspNetCore.Http.HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!IsJson(request))
        {
            return (null, ApiProblems.UnsupportedMediaType("application/json"));
        }

        var (value, error) = await ReadAsync<T>(request, cancellationToken);
        return value is null ? (null, ApiProblems.InvalidBody(error!)) : (value, null);
    }

    /// <summary>Reads a JSON body into <typeparamref name="T"/>; null when it is not JSON of that shape.</summary>
    public static async Task<(T? Value, string? Error)> ReadAsync<T>(Microsoft.AspNetCore.Http.HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null ? (null, "body must be a JSON object") : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ex.Message);
        }
    }
}
