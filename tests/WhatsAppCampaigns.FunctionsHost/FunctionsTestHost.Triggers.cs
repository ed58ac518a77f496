using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Google.Protobuf;
using WhatsAppCampaigns.FunctionsHost.Rpc;

namespace WhatsAppCampaigns.FunctionsHost;

public sealed partial class FunctionsTestHost
{
    /// <summary>The queue a queue-triggered function listens on, with the encoding host.json sets, as the host's listener opens it.</summary>
    public QueueClient TriggerQueue(string functionName)
    {
        var trigger = Functions[functionName].Trigger;
        var name = Resolve(trigger.Property("queueName")!);
        var connectionName = trigger.Property("connection") is { Length: > 0 } c ? c : "AzureWebJobsStorage";
        var connection = Setting(connectionName) ?? throw new InvalidOperationException($"No app setting '{connectionName}' for {functionName}'s queue");
        var encoding = string.Equals(HostJson["extensions"]?["queues"]?["messageEncoding"]?.ToString(), "none", StringComparison.OrdinalIgnoreCase)
            ? QueueMessageEncoding.None
            : QueueMessageEncoding.Base64;
        return new QueueClient(connection, name, new QueueClientOptions { MessageEncoding = encoding });
    }

    /// <summary>
    /// One poll of the function's queue, as the Storage Queues extension's listener does: receive, invoke with the
    /// message as model binding data (the worker binds <c>QueueMessage</c> from it), delete on success, otherwise leave
    /// it to reappear. Returns how many messages were invoked.
    /// </summary>
    public async Task<int> PollQueueAsync(string functionName, int maxMessages = 16)
    {
        var queue = TriggerQueue(functionName);
        await queue.CreateIfNotExistsAsync();
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(maxMessages, TimeSpan.FromMinutes(5));
        await Task.WhenAll(messages.Select(async message =>
        {
            var response = await InvokeQueueTriggerAsync(functionName, message);
            if (response.Result.Status == StatusResult.Types.Status.Success)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            }
        }));
        return messages.Length;
    }

    /// <summary>Polls until the queue gives nothing more (or the deadline passes); returns how many messages were invoked.</summary>
    public async Task<int> DrainQueueAsync(string functionName, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        var total = 0;
        while (DateTime.UtcNow < until)
        {
            var count = await PollQueueAsync(functionName);
            total += count;
            if (count == 0)
            {
                return total;
            }
        }

        return total;
    }

    public Task<InvocationResponse> InvokeQueueTriggerAsync(string functionName, QueueMessage message)
    {
        var trigger = Functions[functionName].Trigger;
        var text = message.Body.ToString();
        var json = new JsonObject
        {
            ["MessageId"] = message.MessageId,
            ["PopReceipt"] = message.PopReceipt,
            ["MessageText"] = text,
            ["DequeueCount"] = message.DequeueCount,
            ["InsertedOn"] = message.InsertedOn?.UtcDateTime,
            ["ExpiresOn"] = message.ExpiresOn?.UtcDateTime,
            ["NextVisibleOn"] = message.NextVisibleOn?.UtcDateTime,
        };
        var data = trigger.SupportsDeferredBinding
            ? new TypedData
            {
                ModelBindingData = new ModelBindingData
                {
                    Version = "1.0",
                    Source = "AzureStorageQueues",
                    ContentType = "application/json",
                    Content = ByteString.CopyFromUtf8(json.ToJsonString()),
                },
            }
            : new TypedData { String = text };
        var metadata = new Dictionary<string, TypedData>
        {
            ["QueueTrigger"] = new() { String = text },
            ["Id"] = new() { String = message.MessageId },
            ["PopReceipt"] = new() { String = message.PopReceipt },
            ["DequeueCount"] = new() { Json = message.DequeueCount.ToString(CultureInfo.InvariantCulture) },
            ["InsertionTime"] = new() { Json = JsonSerializer.Serialize(message.InsertedOn) },
            ["ExpirationTime"] = new() { Json = JsonSerializer.Serialize(message.ExpiresOn) },
            ["NextVisibleTime"] = new() { Json = JsonSerializer.Serialize(message.NextVisibleOn) },
        };
        var inputs = new List<ParameterBinding> { new() { Name = trigger.Name, Data = data } };
        inputs.AddRange(InputBindingsFor(Functions[functionName]));
        return InvokeAsync(functionName, inputs, metadata);
    }

    /// <summary>A timer firing: the TimerInfo JSON the Timers extension sends.</summary>
    public Task<InvocationResponse> InvokeTimerAsync(string functionName, bool isPastDue = false)
    {
        var trigger = Functions[functionName].Trigger;
        var timer = new JsonObject
        {
            ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = null,
            ["IsPastDue"] = isPastDue,
        };
        var inputs = new List<ParameterBinding> { new() { Name = trigger.Name, Data = new TypedData { Json = timer.ToJsonString() } } };
        inputs.AddRange(InputBindingsFor(Functions[functionName]));
        return InvokeAsync(functionName, inputs);
    }

    /// <summary>A %setting% binding expression resolved; anything else as written.</summary>
    public string Resolve(string value) =>
        value.Length > 2 && value.StartsWith('%') && value.EndsWith('%')
            ? Setting(value) ?? throw new InvalidOperationException($"'{value}' does not resolve to an app setting")
            : value;

    /// <summary>The task hub host.json names, resolved.</summary>
    public string TaskHubName => Resolve(HostJson["extensions"]?["durableTask"]?["hubName"]?.ToString() ?? "TestHubName");

    /// <summary>
    /// Input bindings other than the trigger. A <c>durableClient</c> gets what the Durable extension sends: where its
    /// gRPC client endpoint is (this host serves it), the task hub and the connection name.
    /// </summary>
    private IEnumerable<ParameterBinding> InputBindingsFor(LoadedFunction function)
    {
        foreach (var binding in function.Bindings.Where(b => b.Direction.Equals("In", StringComparison.OrdinalIgnoreCase) && !b.Type.EndsWith("Trigger", StringComparison.Ordinal)))
        {
            if (binding.Type == "durableClient")
            {
                var payload = new JsonObject
                {
                    ["taskHubName"] = binding.Property("taskHub") is { Length: > 0 } hub ? Resolve(hub) : TaskHubName,
                    ["connectionName"] = binding.Property("connectionName") ?? "Storage",
                    ["rpcBaseUrl"] = ServerUri.AbsoluteUri,
                    ["requiredQueryStringParameters"] = "code=" + FunctionKey,
                    ["httpBaseUrl"] = "http://functions.test/runtime/webhooks/durabletask",
                    // The extension's defaults (host.json extensions.durableTask): 4 MiB, 100 s as a JSON TimeSpan.
                    ["maxGrpcMessageSizeInBytes"] = 4_194_304,
                    ["grpcHttpClientTimeout"] = JsonSerializer.Serialize(TimeSpan.FromSeconds(100)),
                };
                yield return new ParameterBinding { Name = binding.Name, Data = new TypedData { String = payload.ToJsonString() } };
            }
            else
            {
                throw new NotSupportedException($"{function.Name}: this host does not supply '{binding.Type}' input bindings");
            }
        }
    }
}
