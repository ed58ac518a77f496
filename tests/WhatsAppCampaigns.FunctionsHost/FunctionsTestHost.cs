using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.FunctionsHost.Rpc;

namespace WhatsAppCampaigns.FunctionsHost;

/// <summary>
/// Plays the Azure Functions host for a dotnet-isolated app: serves <c>FunctionRpc.EventStream</c> on loopback, starts
/// the app's real build output the way the host does (the command in its <c>worker.config.json</c>, the host's
/// arguments, the app settings as environment), then init, worker indexing and a load request per function; after
/// that it invokes functions as the host's triggers would. Dispose kills the worker.
/// </summary>
public sealed partial class FunctionsTestHost : IAsyncDisposable
{
    public const int GrpcMaxMessageLength = int.MaxValue;
    private readonly WebApplication _server;
    private readonly WorkerProcess _worker;
    private readonly WorkerConnection _connection;
    private readonly ConcurrentQueue<InvocationRecord> _invocations = new();

    private FunctionsTestHost(
        FunctionsTestHostOptions options, WebApplication server, Uri serverUri, WorkerProcess worker, WorkerConnection connection,
        WorkerInitResponse init, IReadOnlyDictionary<string, LoadedFunction> functions, JsonObject hostJson)
    {
        Options = options;
        _server = server;
        ServerUri = serverUri;
        _worker = worker;
        _connection = connection;
        Init = init;
        Functions = functions;
        HostJson = hostJson;
        FunctionKey = Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();
    }

    public FunctionsTestHostOptions Options { get; }

    /// <summary>Where this host's gRPC services listen (the worker's event stream and the Durable endpoint).</summary>
    public Uri ServerUri { get; }

    public WorkerInitResponse Init { get; }

    public IReadOnlyDictionary<string, LoadedFunction> Functions { get; }

    public JsonObject HostJson { get; }

    /// <summary>The key a caller must present for functions whose auth level is not anonymous.</summary>
    public string FunctionKey { get; }

    public int WorkerProcessId => _worker.Id;

    public bool WorkerHasExited => _worker.HasExited;

    /// <summary>Every invocation so far, in order of completion.</summary>
    public IReadOnlyCollection<InvocationRecord> Invocations => _invocations;

    /// <summary>What the worker printed and logged over the stream; for failure messages.</summary>
    public string Diagnostics =>
        "--- failed invocations ---\n" + string.Join("\n", _invocations.Where(i => !i.Succeeded).TakeLast(20).Select(i => $"{i.Function} {i.InvocationId}: {i.Error}"))
        + "\n--- worker output ---\n" + _worker.Output + "\n--- worker logs (rpc) ---\n"
        + string.Join("\n", _connection.Logs.TakeLast(200).Select(l => $"[{l.Level}] {l.Category}: {l.Message} {l.Exception?.Message}"));

    public static async Task<FunctionsTestHost> StartAsync(FunctionsTestHostOptions options)
    {
        var appDirectory = Path.GetFullPath(options.AppDirectory);
        var (executable, workerPath) = ReadWorkerConfig(appDirectory);
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(appDirectory, "host.json")))!.AsObject();

        var registry = new WorkerRegistry();
        var server = BuildServer(registry);
        await server.StartAsync();
        var serverUri = new Uri(server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

        var workerId = Guid.NewGuid().ToString();
        var requestId = Guid.NewGuid().ToString();
        var connecting = registry.Expect(workerId);
        WorkerProcess? worker = null;
        try
        {
            worker = WorkerProcess.Start(executable, WorkerArguments(workerPath, serverUri, workerId, requestId), appDirectory, WorkerEnvironment(appDirectory, options.Settings));
            var connection = await WaitForConnectionAsync(connecting, worker, options.StartDeadline);

            var init = (await connection.RequestAsync(requestId, new StreamingMessage
            {
                RequestId = requestId,
                WorkerInitRequest = new WorkerInitRequest
                {
                    HostVersion = "4.1040.0",
                    WorkerDirectory = appDirectory,
                    FunctionAppDirectory = appDirectory,
                },
            }, options.StartDeadline)).WorkerInitResponse;
            if (init.Result.Status != StatusResult.Types.Status.Success)
            {
                throw new InvalidOperationException("Worker init failed: " + init.Result.Exception?.Message + "\n" + worker.Output);
            }

            var metadataRequestId = Guid.NewGuid().ToString();
            var metadata = (await connection.RequestAsync(metadataRequestId, new StreamingMessage
            {
                RequestId = metadataRequestId,
                FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = appDirectory },
            }, options.StartDeadline)).FunctionMetadataResponse;
            if (metadata.Result.Status != StatusResult.Types.Status.Success || metadata.UseDefaultMetadataIndexing)
            {
                throw new InvalidOperationException("Worker indexing failed: " + metadata.Result.Exception?.Message + "\n" + worker.Output);
            }

            var loads = metadata.FunctionMetadataResults.Select(m => LoadAsync(connection, m, options));
            var functions = (await Task.WhenAll(loads)).ToDictionary(f => f.Name);
            var host = new FunctionsTestHost(options, server, serverUri, worker, connection, init, functions, hostJson);
            host.StartDurableRole();
            return host;
        }
        catch
        {
            worker?.Dispose();
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Invokes a function with the given inputs, as the host does once a trigger fires.</summary>
    public async Task<InvocationResponse> InvokeAsync(string functionName, IEnumerable<ParameterBinding> inputs, IDictionary<string, TypedData>? triggerMetadata = null, string? invocationId = null)
    {
        var function = Functions[functionName];
        invocationId ??= Guid.NewGuid().ToString();
        var request = new InvocationRequest
        {
            InvocationId = invocationId,
            FunctionId = function.FunctionId,
            // The host always sends the caller's trace context; the worker reads it unconditionally.
            TraceContext = new RpcTraceContext { TraceParent = $"00-{Guid.NewGuid():N}-{Guid.NewGuid():N}"[..52] + "-01" },
        };
        request.InputData.AddRange(inputs);
        foreach (var (key, value) in triggerMetadata ?? new Dictionary<string, TypedData>())
        {
            request.TriggerMetadata[key] = value;
        }

        var reply = await _connection.RequestAsync("invoke:" + invocationId, new StreamingMessage { RequestId = Guid.NewGuid().ToString(), InvocationRequest = request }, Options.InvocationDeadline);
        var response = reply.InvocationResponse;
        _invocations.Enqueue(new InvocationRecord(functionName, invocationId, response.Result.Status == StatusResult.Types.Status.Success, response.Result.Exception is { } e ? e.Message + "\n" + e.StackTrace : null));
        return response;
    }

    /// <summary>An app setting as the worker sees it (<c>A:B</c> and <c>A__B</c> are one name), or a binding expression <c>%A:B%</c> resolved.</summary>
    public string? Setting(string name)
    {
        name = name.Trim('%');
        return Options.Settings.TryGetValue(name, out var value) || Options.Settings.TryGetValue(name.Replace(":", "__", StringComparison.Ordinal), out value) ? value : null;
    }

    private static async Task<LoadedFunction> LoadAsync(WorkerConnection connection, RpcFunctionMetadata metadata, FunctionsTestHostOptions options)
    {
        var bindings = metadata.RawBindings.Select(FunctionBinding.Parse).ToList();
        var id = string.IsNullOrEmpty(metadata.FunctionId) ? Guid.NewGuid().ToString() : metadata.FunctionId;
        var load = metadata.Clone();
        load.FunctionId = id;
        load.Bindings.Clear();
        foreach (var binding in bindings)
        {
            load.Bindings[binding.Name] = binding.ToBindingInfo();
        }

        // The host resolves %setting% in binding properties before it listens; one that resolves to nothing is an error.
        var unresolved = bindings.SelectMany(b => b.Raw).Select(p => p.Value?.ToString() ?? "")
            .Where(v => v.Length > 2 && v.StartsWith('%') && v.EndsWith('%'))
            .FirstOrDefault(v => ResolveSetting(options.Settings, v) is null);

        var response = (await connection.RequestAsync("load:" + id, new StreamingMessage
        {
            RequestId = Guid.NewGuid().ToString(),
            FunctionLoadRequest = new FunctionLoadRequest { FunctionId = id, Metadata = load },
        }, options.StartDeadline)).FunctionLoadResponse;
        var error = response.Result.Status != StatusResult.Types.Status.Success
            ? response.Result.Exception?.Message ?? response.Result.Result
            : unresolved is not null ? $"'{unresolved}' does not resolve to an app setting" : null;
        return new LoadedFunction(metadata.Name, id, metadata.ScriptFile, metadata.EntryPoint, bindings, error is null, error);
    }

    private static string? ResolveSetting(IReadOnlyDictionary<string, string?> settings, string expression)
    {
        var name = expression.Trim('%');
        return settings.TryGetValue(name, out var value) || settings.TryGetValue(name.Replace(":", "__", StringComparison.Ordinal), out value) ? value : null;
    }

    private static async Task<WorkerConnection> WaitForConnectionAsync(Task<WorkerConnection> connecting, WorkerProcess worker, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (!connecting.IsCompleted)
        {
            if (worker.HasExited)
            {
                throw new InvalidOperationException("The worker exited before it opened its event stream:\n" + worker.Output);
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The worker did not open its event stream within {deadline}:\n" + worker.Output);
            }

            await Task.WhenAny(connecting, Task.Delay(200));
        }

        return await connecting;
    }

    /// <summary>The executable and worker path from the app's worker.config.json, as the host reads them.</summary>
    private static (string Executable, string WorkerPath) ReadWorkerConfig(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "worker.config.json");
        var description = JsonNode.Parse(File.ReadAllText(path))!["description"]!;
        var executable = (string)description["defaultExecutablePath"]!;
        var workerPath = ((string)description["defaultWorkerPath"]!).Replace("{FUNCTIONS_WORKER_RUNTIME_VERSION}", "", StringComparison.Ordinal);
        return (executable, Path.Combine(appDirectory, workerPath));
    }

    /// <summary>
    /// The host's arguments for a gRPC worker: the original names, then the same values again with the
    /// <c>functions-</c> prefix that newer workers read.
    /// </summary>
    private static IEnumerable<string> WorkerArguments(string workerPath, Uri serverUri, string workerId, string requestId) =>
    [
        workerPath,
        "--host", serverUri.Host, "--port", serverUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--workerId", workerId, "--requestId", requestId,
        "--grpcMaxMessageLength", GrpcMaxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--functions-uri", serverUri.AbsoluteUri, "--functions-worker-id", workerId, "--functions-request-id", requestId,
        "--functions-grpc-max-message-length", GrpcMaxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];

    private static Dictionary<string, string?> WorkerEnvironment(string appDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        var environment = new Dictionary<string, string?>
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["FUNCTIONS_WORKER_DIRECTORY"] = appDirectory,
            ["FUNCTIONS_APPLICATION_DIRECTORY"] = appDirectory,
            ["AzureWebJobsScriptRoot"] = appDirectory,
            // The test process's own ASP.NET settings must not leak into the worker's Kestrel.
            ["ASPNETCORE_URLS"] = null,
            ["ASPNETCORE_ENVIRONMENT"] = null,
            ["DOTNET_ENVIRONMENT"] = null,
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return environment;
    }

    private static WebApplication BuildServer(WorkerRegistry registry)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = null;
            o.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(registry);

        // The Durable extension's client endpoint, over the Durable Task SDK's in-memory backend: what the worker's
        // DurableClient binding talks to, and where the Durable role below takes its work items from.
        builder.Services.AddSingleton<InMemoryOrchestrationService>();
        builder.Services.AddSingleton<IOrchestrationService>(sp => sp.GetRequiredService<InMemoryOrchestrationService>());
        builder.Services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<InMemoryOrchestrationService>());
        builder.Services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = TaskHubGrpcServerMode.ApiServerAndDispatcher);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<WorkerRpcService>();
        app.MapGrpcService<TaskHubGrpcServer>();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await StopDurableRoleAsync();
        _worker.Dispose();
        await _server.StopAsync();
        await _server.DisposeAsync();
    }
}

public sealed record InvocationRecord(string Function, string InvocationId, bool Succeeded, string? Error);
