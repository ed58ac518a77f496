using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.Core.Account;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Conversations;
using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.Core.Sending;

/// <summary>
/// The contracts the senders use but other features implement. A host starts the <c>wa-sends</c> pump only once all
/// are registered, so a host built before one of them lands still starts (it just does not send).
/// </summary>
public static class SendProcessorDependencies
{
    public static readonly IReadOnlyList<Type> Contracts =
    [
        typeof(IMessageLedger), typeof(ICampaignControl), typeof(IContactDirectory), typeof(IConsentLedger),
        typeof(ICustomerServiceWindows), typeof(IAccountSignals), typeof(ISendQueue),
    ];

    public static bool AllRegistered(IServiceCollection services) =>
        Contracts.All(contract => services.Any(d => d.ServiceType == contract));
}
