using System.Text;
using System.Text.Json.Nodes;
using WhatsAppCampaigns.CloudApiSimulator.Ledger;

namespace WhatsAppCampaigns.CloudApiSimulator.Webhooks;

/// <summary>
/// One status of a plan and the real-time wait before it: the status element alone (for batched POSTs)
/// and the whole single-status body (signed as it is when posted alone).
/// </summary>
internal sealed record PlannedPost(string Status, TimeSpan Delay, SimulatedPhoneNumber Phone, JsonObject Item, byte[] Body);

/// <summary>
/// Decides, from the message's own seeded generator, which statuses an accepted send produces and in what order:
/// failed alone, or sent → delivered (probability) → read (probability), then duplicates and reordering.
/// </summary>
internal static class StatusWebhookPlanner
{
    public static IReadOnlyList<PlannedPost> Plan(string wabaId, SimulatedPhoneNumber phone, LedgerEntry entry, WebhookBehavior behavior, Random random)
    {
        // Draws happen in a fixed order whatever the outcome, so one setting does not shift the others' decisions.
        var delivered = random.NextDouble() < behavior.DeliveredProbability;
        var read = random.NextDouble() < behavior.ReadProbability;
        var duplicate = random.NextDouble() < behavior.DuplicateRate;
        var duplicateIndex = random.Next(3);
        var reorder = random.NextDouble() < behavior.ReorderRate;

        var statuses = new List<string>();
        if (entry.WillFail)
        {
            statuses.Add(StatusPayloadFactory.Failed);
        }
        else
        {
            statuses.Add(StatusPayloadFactory.Sent);
            if (delivered)
            {
                statuses.Add(StatusPayloadFactory.Delivered);
                if (read)
                {
                    statuses.Add(StatusPayloadFactory.Read);
                }
            }
        }

        var at = entry.AcceptedAt;
        var posts = new List<PlannedPost>(statuses.Count + 1);
        foreach (var status in statuses)
        {
            var delay = TimeSpan.FromMilliseconds(random.Next(behavior.MinDelayMs, Math.Max(behavior.MinDelayMs, behavior.MaxDelayMs) + 1));
            at += delay;
            // Pricing rides on sent and on delivered (read carries none when delivered was reported).
            var withPricing = status is StatusPayloadFactory.Sent or StatusPayloadFactory.Delivered;
            var item = StatusPayloadFactory.CreateItem(entry, status, at, withPricing);
            posts.Add(new PlannedPost(status, delay, phone, item, SimulatorJson.WebhookBytes(StatusPayloadFactory.Wrap(wabaId, phone, [item]))));
        }

        if (duplicate)
        {
            var index = duplicateIndex % posts.Count;
            posts.Insert(index + 1, posts[index]);
        }
        if (reorder && posts.Count > 1)
        {
            posts.Reverse();
        }
        return posts;
    }
}
