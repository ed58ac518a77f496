using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WhatsAppCampaigns.Api;

/// <summary>Reads a JSON request body, or says precisely why it cannot (415, 413, 400) without touching any state.</summary>
public static class JsonBody
{
    public const int DefaultMaxBytes = 256 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct, int maxBytes = DefaultMaxBytes)
        where T : class
    {
        if (!(request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return (null, ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Send the body as application/json."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, ApiProblems.BadRequest("empty_body", "The request body is empty."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.ToArray(), ApiJson.Options);
            return value is null ? (null, ApiProblems.BadRequest("empty_body", "The request body is null.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.BadRequest("malformed_json", $"The body is not valid JSON for this request: {ex.Message}"));
        }
    }

    private static IResult TooLarge(int maxBytes) =>
        ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "body_too_large", $"The body exceeds {maxBytes} bytes.");
}
