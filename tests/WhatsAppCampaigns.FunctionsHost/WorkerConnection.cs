using System.Collections.Concurrent;
using Grpc.Core;
using WhatsAppCampaigns.FunctionsHost.Rpc;

namespace WhatsAppCampaigns.FunctionsHost;

/// <summary>
/// The host's end of the worker's event stream: writes requests and matches each response to what asked for it
/// (init and metadata by request id, loads by function id, invocations by invocation id).
/// </summary>
internal sealed class WorkerConnection
{
    private readonly IServerStreamWriter<StreamingMessage> _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new();
    private readonly ConcurrentQueue<RpcLog> _logs = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkerConnection(string workerId, IServerStreamWriter<StreamingMessage> writer)
    {
        WorkerId = workerId;
        _writer = writer;
    }

    public string WorkerId { get; }

    public Task Closed => _closed.Task;

    public IEnumerable<RpcLog> Logs => _logs;

    public async Task<StreamingMessage> RequestAsync(string key, StreamingMessage request, TimeSpan deadline)
    {
        var reply = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(key, reply))
        {
            throw new InvalidOperationException($"A request for '{key}' is already waiting");
        }

        try
        {
            await _writeLock.WaitAsync();
            try
            {
                await _writer.WriteAsync(request);
            }
            finally
            {
                _writeLock.Release();
            }

            var done = await Task.WhenAny(reply.Task, _closed.Task, Task.Delay(deadline));
            if (done == reply.Task)
            {
                return await reply.Task;
            }

            throw new TimeoutException(done == _closed.Task
                ? $"The worker closed its stream before answering {request.ContentCase} '{key}'"
                : $"The worker did not answer {request.ContentCase} '{key}' within {deadline}");
        }
        finally
        {
            _pending.TryRemove(key, out _);
        }
    }

    public async Task SendAsync(StreamingMessage message)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _writer.WriteAsync(message);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Receive(StreamingMessage message)
    {
        var key = message.ContentCase switch
        {
            StreamingMessage.ContentOneofCase.RpcLog => null,
            StreamingMessage.ContentOneofCase.FunctionLoadResponse => "load:" + message.FunctionLoadResponse.FunctionId,
            StreamingMessage.ContentOneofCase.InvocationResponse => "invoke:" + message.InvocationResponse.InvocationId,
            _ => message.RequestId,
        };
        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            _logs.Enqueue(message.RpcLog);
        }
        else if (key is not null && _pending.TryGetValue(key, out var reply))
        {
            reply.TrySetResult(message);
        }
    }

    public void Close() => _closed.TrySetResult();
}

/// <summary>The gRPC service the worker dials: the first message names the worker, then the stream is its connection.</summary>
internal sealed class WorkerRpcService(WorkerRegistry registry) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken) || requestStream.Current.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.InvalidArgument, "The first message must be StartStream"));
        }

        var connection = new WorkerConnection(requestStream.Current.StartStream.WorkerId, responseStream);
        registry.Connected(connection);
        try
        {
            while (await requestStream.MoveNext(context.CancellationToken))
            {
                connection.Receive(requestStream.Current);
            }
        }
        catch (OperationCanceledException)
        {
            // The worker went away or the host is stopping.
        }
        catch (IOException)
        {
            // The worker process was killed mid-stream.
        }
        finally
        {
            connection.Close();
        }
    }
}

/// <summary>Hands each worker's connection to whoever started that worker, by worker id.</summary>
internal sealed class WorkerRegistry
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<WorkerConnection>> _expected = new();

    public Task<WorkerConnection> Expect(string workerId) =>
        _expected.GetOrAdd(workerId, _ => new TaskCompletionSource<WorkerConnection>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Connected(WorkerConnection connection)
    {
        if (_expected.TryGetValue(connection.WorkerId, out var waiting))
        {
            waiting.TrySetResult(connection);
        }
    }
}
