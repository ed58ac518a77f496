using Microsoft.Extensions.Logging;

namespace WhatsAppCampaigns.Core.Campaigns.Orchestration;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: generation {Generation} continues from page {NextPage}")]
    public static partial void NewGeneration(ILogger logger, string campaignId, int generation, int nextPage);
}
