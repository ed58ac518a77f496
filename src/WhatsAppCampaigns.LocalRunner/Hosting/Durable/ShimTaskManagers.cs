using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace WhatsAppCampaigns.LocalRunner.Hosting.Durable;

/// <summary>
/// Hands DurableTask.Core's dispatchers the SDK's orchestrators, wrapped by the SDK's own shims (the bridge Durable
/// Functions uses), so the core's <c>TaskOrchestrator</c> classes run unchanged on a DurableTask.Core backend.
/// </summary>
internal sealed class ShimOrchestrationManager(IDurableTaskFactory factory, IServiceProvider services, DurableTaskShimFactory shims)
    : INameVersionObjectManager<TaskOrchestration>
{
    public void Add(ObjectCreator<TaskOrchestration> creator) => throw new NotSupportedException("Register orchestrators on the DurableTaskRegistry.");

    public TaskOrchestration? GetObject(string name, string? version) =>
        factory.TryCreateOrchestrator(new TaskName(name), services, out var orchestrator) && orchestrator is not null
            ? shims.CreateOrchestration(new TaskName(name), orchestrator, parent: null)
            : null;
}

/// <summary>The same for activities: each execution gets its own DI scope, disposed when it ends.</summary>
internal sealed class ShimActivityManager(IDurableTaskFactory factory, IServiceScopeFactory scopes, DurableTaskShimFactory shims)
    : INameVersionObjectManager<TaskActivity>
{
    public void Add(ObjectCreator<TaskActivity> creator) => throw new NotSupportedException("Register activities on the DurableTaskRegistry.");

    public TaskActivity? GetObject(string name, string? version) => new ScopedActivity(new TaskName(name), factory, scopes, shims);

    private sealed class ScopedActivity(TaskName name, IDurableTaskFactory factory, IServiceScopeFactory scopes, DurableTaskShimFactory shims) : TaskActivity
    {
        public override string Run(TaskContext context, string input) => throw new NotSupportedException("Activities run asynchronously.");

        public override async Task<string> RunAsync(TaskContext context, string input)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!factory.TryCreateActivity(name, scope.ServiceProvider, out var activity) || activity is null)
            {
                throw new InvalidOperationException($"No activity named '{name.Name}' is registered.");
            }

            return await shims.CreateActivity(name, activity).RunAsync(context, input);
        }
    }
}
