using Microsoft.AspNetCore.Http.Features;
using WhatsAppCampaigns.Api;

namespace WhatsAppCampaigns.LocalRunner.Hosting;

/// <summary>
/// What the Functions host does in front of the handlers, for the local runner on Kestrel: answers the host's own
/// refusals (404, 405, a body too large, a malformed request) as problems with a <c>code</c>, and keeps web pages on
/// other sites from using the API. A runner on 127.0.0.1 has no function key, so any page the user visits could
/// otherwise post to it; a browser marks such requests with <c>Sec-Fetch-Site</c> and <c>Origin</c>, servers never do.
/// </summary>
public static class ApiGuards
{
    public static WebApplication UseApiGuards(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (IsCrossSite(context.Request))
            {
                await ApiProblems.Problem(StatusCodes.Status403Forbidden, "cross_site_request", "Requests from another site's web page are refused.").ExecuteAsync(context);
                return;
            }

            try
            {
                await next(context);
            }
            catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
            {
                // Kestrel's own limits (a body over MaxRequestBodySize is 413) surface here while a handler reads.
                context.Response.Clear();
                var code = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "body_too_large" : "bad_request";
                await ApiProblems.Problem(ex.StatusCode, code, "The request was refused by the host's limits.").ExecuteAsync(context);
            }
        });
        app.UseStatusCodePages(async status =>
        {
            var context = status.HttpContext;
            var code = context.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => "not_found",
                StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
                StatusCodes.Status413PayloadTooLarge => "body_too_large",
                StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
                var other => $"http_{other}",
            };
            await ApiProblems.Problem(context.Response.StatusCode, code, "The host refused the request.").ExecuteAsync(context);
        });
        return app;
    }

    private static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
