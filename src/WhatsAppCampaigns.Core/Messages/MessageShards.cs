namespace WhatsAppCampaigns.Core.Messages;

/// <summary>How the ledger spreads a campaign's messages over partitions; the fan-out counts its work per shard with it.</summary>
public static class MessageShards
{
    public const int Count = MessageEntity.ShardCount;

    public static int Of(string recipient) => MessageEntity.Shard(recipient);
}
