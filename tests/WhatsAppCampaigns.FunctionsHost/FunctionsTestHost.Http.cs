using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using WhatsAppCampaigns.FunctionsHost.Rpc;

namespace WhatsAppCampaigns.FunctionsHost;

public sealed partial class FunctionsTestHost
{
    /// <summary>The header the ASP.NET Core integration reads to pair a forwarded request with its invocation.</summary>
    public const string InvocationIdHeader = "x-ms-invocation-id";

    public const string FunctionKeyHeader = "x-functions-key";

    private static readonly HttpClient Forwarder = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The HTTP endpoint the worker reported in its init response (ASP.NET Core integration).</summary>
    public Uri? WorkerHttpUri => Init.Capabilities.TryGetValue("HttpUri", out var uri) ? new Uri(uri) : null;

    /// <summary>A client for the app's HTTP API as the host exposes it (<c>/api/...</c>), with the function key unless told otherwise.</summary>
    public HttpClient CreateHttpClient(bool withFunctionKey = true)
    {
        var client = new HttpClient(new HttpTriggerHandler(this)) { BaseAddress = new Uri("http://functions.test/"), Timeout = Timeout.InfiniteTimeSpan };
        if (withFunctionKey)
        {
            client.DefaultRequestHeaders.Add(FunctionKeyHeader, FunctionKey);
        }

        return client;
    }

    private string RoutePrefix => HostJson["extensions"]?["http"]?["routePrefix"]?.ToString() ?? "api";

    /// <summary>
    /// What the host does with an HTTP request for a proxying worker: finds the function by route and method, checks the
    /// key, sends the invocation over gRPC and forwards the request itself to the worker's HTTP endpoint with the
    /// invocation id; the worker's HTTP answer is the answer.
    /// </summary>
    private async Task<HttpResponseMessage> HandleHttpAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath.Trim('/');
        var prefix = RoutePrefix.Trim('/');
        if (prefix.Length > 0)
        {
            if (!path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase))
            {
                return new HttpResponseMessage(HttpStatusCode.NotFound);
            }

            path = path[(prefix.Length + 1)..];
        }

        var match = MatchRoute(path, request.Method.Method);
        if (match is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var (function, values) = match.Value;
        var trigger = function.Trigger;
        if (!string.Equals(trigger.Property("authLevel"), "Anonymous", StringComparison.OrdinalIgnoreCase)
            && !(request.Headers.TryGetValues(FunctionKeyHeader, out var keys) && keys.Contains(FunctionKey)))
        {
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }

        var invocationId = Guid.NewGuid().ToString();
        var http = new RpcHttp { Method = request.Method.Method, Url = request.RequestUri.AbsoluteUri };
        foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            http.Headers[header.Key.ToLowerInvariant()] = string.Join(",", header.Value);
        }

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.RequestUri.Query);
        foreach (var (key, value) in query)
        {
            http.Query[key] = value.ToString();
        }

        var metadata = new Dictionary<string, TypedData>
        {
            ["Query"] = new() { Json = JsonSerializer.Serialize(http.Query) },
            ["Headers"] = new() { Json = JsonSerializer.Serialize(http.Headers) },
        };
        foreach (var (key, value) in values)
        {
            // Route values arrive decoded, as ASP.NET Core routing gives them to the host.
            var text = Uri.UnescapeDataString(value?.ToString() ?? "");
            http.Params[key] = text;
            metadata[key] = new TypedData { String = text };
        }

        var inputs = new List<ParameterBinding> { new() { Name = trigger.Name, Data = new TypedData { Http = http } } };
        inputs.AddRange(InputBindingsFor(function));
        var invocation = InvokeAsync(function.Name, inputs, metadata, invocationId);

        var forward = new HttpRequestMessage(request.Method, new Uri(WorkerHttpUri!, request.RequestUri.PathAndQuery));
        foreach (var header in request.Headers)
        {
            forward.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.Content is not null)
        {
            forward.Content = new ByteArrayContent(await request.Content.ReadAsByteArrayAsync(cancellationToken));
            foreach (var header in request.Content.Headers)
            {
                forward.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        forward.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Options.InvocationDeadline);
        var answer = await Forwarder.SendAsync(forward, deadline.Token);
        await answer.Content.LoadIntoBufferAsync(deadline.Token);
        var result = await invocation;
        if (result.Result.Status != StatusResult.Types.Status.Success && answer.IsSuccessStatusCode)
        {
            // The host reports a failed invocation as a 500 whatever the worker managed to write.
            return new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent(result.Result.Exception?.Message ?? "") };
        }

        return answer;
    }

    private (LoadedFunction Function, RouteValueDictionary Values)? MatchRoute(string path, string method)
    {
        var candidates = Functions.Values
            .Where(f => f.Loaded && f.Bindings.Any(b => b.Type == "httpTrigger"))
            .Select(f => (Function: f, Trigger: f.Trigger, Template: TemplateParser.Parse(f.Trigger.Property("route") ?? f.Name)))
            .Where(c => c.Trigger.Raw["methods"] is not System.Text.Json.Nodes.JsonArray methods
                || methods.Any(m => string.Equals(m?.ToString(), method, StringComparison.OrdinalIgnoreCase)))
            // Literal segments win over parameters, as in the host's route table.
            .OrderBy(c => c.Template.Parameters.Count);
        foreach (var candidate in candidates)
        {
            var values = new RouteValueDictionary();
            if (new TemplateMatcher(candidate.Template, new RouteValueDictionary()).TryMatch("/" + path, values))
            {
                return (candidate.Function, values);
            }
        }

        return null;
    }

    private sealed class HttpTriggerHandler(FunctionsTestHost host) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            host.HandleHttpAsync(request, cancellationToken);
    }
}
