using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.DurableTask.Protobuf;
using WhatsAppCampaigns.FunctionsHost.Rpc;

namespace WhatsAppCampaigns.FunctionsHost;

public sealed partial class FunctionsTestHost
{
    private readonly CancellationTokenSource _durableStop = new();
    private Task? _durableLoop;

    /// <summary>Failed orchestrator or activity executions the Durable role saw; for failure messages.</summary>
    public IReadOnlyCollection<string> DurableFailures => _durableFailures;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _durableFailures = new();

    /// <summary>
    /// Plays the Durable extension's execution role: takes work items from the task hub this host serves (the Durable
    /// Task SDK's in-memory backend behind its gRPC sidecar, the same endpoint the worker's DurableClient binding calls)
    /// and runs each as a function invocation: an orchestrator gets the encoded <c>OrchestratorRequest</c> and answers an
    /// encoded <c>OrchestratorResponse</c> whose actions the backend applies; an activity gets its input as the trigger.
    /// </summary>
    private void StartDurableRole()
    {
        if (!Functions.Values.Any(f => f.Bindings.Any(b => b.Type is "orchestrationTrigger" or "activityTrigger")))
        {
            return;
        }

        _durableLoop = Task.Run(async () =>
        {
            using var channel = GrpcChannel.ForAddress(ServerUri, new GrpcChannelOptions { MaxReceiveMessageSize = null, MaxSendMessageSize = null });
            var sidecar = new TaskHubSidecarService.TaskHubSidecarServiceClient(channel);
            while (!_durableStop.IsCancellationRequested)
            {
                try
                {
                    using var stream = sidecar.GetWorkItems(
                        new GetWorkItemsRequest { MaxConcurrentOrchestrationWorkItems = 8, MaxConcurrentActivityWorkItems = 8 }, cancellationToken: _durableStop.Token);
                    await foreach (var item in stream.ResponseStream.ReadAllAsync(_durableStop.Token))
                    {
                        _ = Task.Run(() => ExecuteWorkItemAsync(sidecar, item));
                    }
                }
                catch (Exception) when (_durableStop.IsCancellationRequested)
                {
                    return;
                }
                catch (Grpc.Core.RpcException)
                {
                    await Task.Delay(500);
                }
            }
        });
    }

    private async Task ExecuteWorkItemAsync(TaskHubSidecarService.TaskHubSidecarServiceClient sidecar, WorkItem item)
    {
        try
        {
            if (item.OrchestratorRequest is { } orchestration)
            {
                var name = orchestration.PastEvents.Concat(orchestration.NewEvents).First(e => e.ExecutionStarted is not null).ExecutionStarted.Name;
                var function = Functions[name];
                var result = await InvokeAsync(name, [new ParameterBinding { Name = function.Trigger.Name, Data = new TypedData { String = Convert.ToBase64String(orchestration.ToByteArray()) } }]);
                if (result.Result.Status != StatusResult.Types.Status.Success)
                {
                    _durableFailures.Enqueue($"{name} {orchestration.InstanceId}: {result.Result.Exception?.Message}");
                    await sidecar.AbandonTaskOrchestratorWorkItemAsync(new AbandonOrchestrationTaskRequest { CompletionToken = item.CompletionToken });
                    return;
                }

                var encoded = result.ReturnValue.DataCase == TypedData.DataOneofCase.Json ? JsonSerializer.Deserialize<string>(result.ReturnValue.Json)! : result.ReturnValue.String;
                var response = OrchestratorResponse.Parser.ParseFrom(Convert.FromBase64String(encoded));
                response.InstanceId = orchestration.InstanceId;
                response.CompletionToken = item.CompletionToken;
                await sidecar.CompleteOrchestratorTaskAsync(response);
            }
            else if (item.ActivityRequest is { } activity)
            {
                var function = Functions[activity.Name];
                // An isolated orchestrator sends an activity's input wrapped in a one-element array (the parameter list
                // of the WebJobs binding); the extension unwraps it and hands the worker the element's JSON as text.
                var input = new TypedData { String = UnwrapActivityInput(activity.Input) };

                var result = await InvokeAsync(activity.Name, [new ParameterBinding { Name = function.Trigger.Name, Data = input }]);
                var response = new ActivityResponse { InstanceId = activity.OrchestrationInstance.InstanceId, TaskId = activity.TaskId, CompletionToken = item.CompletionToken };
                if (result.Result.Status == StatusResult.Types.Status.Success)
                {
                    response.Result = result.ReturnValue?.DataCase switch
                    {
                        TypedData.DataOneofCase.Json => result.ReturnValue.Json,
                        TypedData.DataOneofCase.String => JsonSerializer.Serialize(result.ReturnValue.String),
                        _ => null,
                    };
                }
                else
                {
                    _durableFailures.Enqueue($"{activity.Name}({activity.Input}): {result.Result.Exception?.Message}");
                    response.FailureDetails = new TaskFailureDetails { ErrorType = "FunctionFailed", ErrorMessage = result.Result.Exception?.Message ?? "" };
                }

                await sidecar.CompleteActivityTaskAsync(response);
            }
        }
        catch (Exception ex) when (!_durableStop.IsCancellationRequested)
        {
            _durableFailures.Enqueue("work item: " + ex);
        }
    }

    private static string UnwrapActivityInput(string? input)
    {
        if (input is null)
        {
            return "null";
        }

        using var document = JsonDocument.Parse(input);
        return document.RootElement is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() == 1 ? array[0].GetRawText() : input;
    }

    private async Task StopDurableRoleAsync()
    {
        await _durableStop.CancelAsync();
        if (_durableLoop is not null)
        {
            await Task.WhenAny(_durableLoop, Task.Delay(TimeSpan.FromSeconds(10)));
        }
    }
}
