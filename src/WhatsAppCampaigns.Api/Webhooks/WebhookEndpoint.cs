using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Configuration;
using WhatsAppCampaigns.Core.Webhooks;

namespace WhatsAppCampaigns.Api.Webhooks;

/// <summary>
/// <c>/api/webhooks/whatsapp</c>: Meta's verification handshake (GET) and its signed event deliveries (POST).
/// Anonymous at the host: the verify token and the body signature are the authentication.
/// </summary>
public sealed class WebhookEndpoint(WebhookReceiver receiver, IOptions<WhatsAppOptions> whatsApp, IOptions<WebhookOptions> options)
{
    public const string Route = "webhooks/whatsapp";

    public IResult Verify(HttpRequest request)
    {
        var query = request.Query;
        var challenge = query["hub.challenge"].ToString();
        var token = query["hub.verify_token"].ToString();
        var expected = whatsApp.Value.WebhookVerifyToken;
        var ok = query["hub.mode"] == "subscribe"
            && challenge.Length is > 0 and <= 256
            && expected.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected));
        return ok
            ? Results.Text(challenge, "text/plain", Encoding.UTF8)
            : ApiProblems.Problem(StatusCodes.Status403Forbidden, "verification_refused", "The verification request does not match this endpoint's verify token.");
    }

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxBodyBytes;
        if (request.ContentLength > max)
        {
            return TooLarge(max);
        }

        if (!ApiJson.IsJson(request))
        {
            return ApiProblems.UnsupportedMediaType("application/json");
        }

        var body = await ReadCappedAsync(request.Body, request.ContentLength, max, cancellationToken);
        if (body is null)
        {
            return TooLarge(max);
        }

        return await receiver.AcceptAsync(body.Value, request.Headers[WebhookSignature.HeaderName], cancellationToken) switch
        {
            WebhookReceipt.Accepted => Results.Ok(),
            WebhookReceipt.BadSignature => ApiProblems.Problem(StatusCodes.Status401Unauthorized, "invalid_signature", $"{WebhookSignature.HeaderName} is missing or does not match the body."),
            WebhookReceipt.EmptyBody => ApiProblems.Problem(StatusCodes.Status400BadRequest, "empty_body", "The body is empty."),
            _ => ApiProblems.Problem(StatusCodes.Status400BadRequest, "malformed_json", "The body is not a JSON object."),
        };
    }

    private static IResult TooLarge(int max) =>
        ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "body_too_large", $"The body exceeds {max} bytes.");

    /// <summary>The raw bytes, exactly as signed; null as soon as more than <paramref name="max"/> arrive.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadCappedAsync(Stream body, long? length, int max, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(length ?? 16 * 1024, max) + 1];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > max)
                {
                    return null;
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, max + 1));
            }

            var read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                return buffer.AsMemory(0, total);
            }

            total += read;
        }
    }
}
