using System.Text;
using System.Threading.Channels;
using WhatsAppCampaigns.CloudApiSimulator.Scenario;

namespace WhatsAppCampaigns.CloudApiSimulator.Webhooks;

/// <summary>
/// Gathers statuses that fall due together into one POST per business number (Meta batches up to 1,000).
/// A status's task completes once its batch was posted, so each message keeps its planned order.
/// </summary>
internal sealed class StatusBatcher(WebhookSender sender, CloudApiSimulatorOptions options, SimulatorScenario scenario)
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public Task SubmitAsync(PlannedPost post)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Pending(post, done)))
        {
            done.TrySetResult();
        }
        return done.Task;
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            var behavior = scenario.Webhooks;
            if (behavior.BatchLingerMs > 0)
            {
                await Task.Delay(behavior.BatchLingerMs, stoppingToken).ConfigureAwait(false);
            }
            var max = Math.Max(1, behavior.MaxStatusesPerPost);
            var batch = new List<Pending>(max);
            while (batch.Count < max && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            foreach (var group in batch.GroupBy(p => p.Post.Phone.Id))
            {
                // Not awaited: a slow receiver must not hold back the next batch.
                _ = PostAsync(group.ToList(), stoppingToken);
            }
        }
    }

    private async Task PostAsync(List<Pending> group, CancellationToken stoppingToken)
    {
        try
        {
            var body = group.Count == 1
                ? group[0].Post.Body
                : SimulatorJson.WebhookBytes(StatusPayloadFactory.Wrap(options.WabaId, group[0].Post.Phone, group.Select(p => p.Post.Item)));
            await sender.PostAsync(body, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var pending in group)
            {
                pending.Done.TrySetResult();
            }
        }
    }

    private sealed record Pending(PlannedPost Post, TaskCompletionSource Done);
}
