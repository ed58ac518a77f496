using System.Text.Json;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>Writes <see cref="CampaignSignal"/>s to the <c>wa-control</c> queue; the ledger's progress reaches campaigns this way too.</summary>
public sealed class CampaignSignalQueue(StorageClients storage) : ISendingProgressSink
{
    public Task SendAsync(string campaignId, string kind, CancellationToken ct, TimeSpan? delay = null) =>
        storage.Queue(StorageNames.ControlQueueName).SendMessageAsync(
            BinaryData.FromObjectAsJson(new CampaignSignal(campaignId, kind), CampaignSignal.Json), visibilityTimeout: delay, cancellationToken: ct);

    public Task ShardFinishedAsync(string campaignId, CancellationToken cancellationToken) =>
        SendAsync(campaignId, CampaignSignalKinds.CheckCompletion, cancellationToken);

    public static CampaignSignal? Parse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<CampaignSignal>(body, CampaignSignal.Json) is { CampaignId.Length: > 0, Kind.Length: > 0 } signal ? signal : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
