using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Sending.DeadLetters;
using WhatsAppCampaigns.Core.Sending.Policy;
using WhatsAppCampaigns.Core.Sending.Quota;
using WhatsAppCampaigns.Core.Sending.Recipients;
using WhatsAppCampaigns.Core.Sending.Throughput;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Sending;

public static class SendingServiceCollectionExtensions
{
    /// <summary>
    /// The senders: the <c>wa-sends</c> processor and what it needs of its own. The contracts it uses
    /// (ledger, consent, contacts, windows, account signals, campaign control, send queue) are registered by their owners.
    /// </summary>
    public static IServiceCollection AddSending(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SenderOptions>().Bind(configuration.GetSection(SenderOptions.SectionName));
        services.AddTables(MessagingLimitCounter.TableName, RecipientActivityStore.TableName, TableThroughputGate.TableName, DeadLetterStore.TableName);
        services.TryAddSingleton<IThroughputGate, TableThroughputGate>();
        services.AddSingleton<MessagingLimitCounter>();
        services.AddSingleton<RecipientActivityStore>();
        services.AddSingleton<IPersonalDataStore>(sp => sp.GetRequiredService<RecipientActivityStore>());
        services.AddSingleton<Campaigns.IFrequencyCapProbe, RecipientFrequencyCapProbe>();
        services.AddSingleton<RecipientReservations>();
        services.AddSingleton<RecipientTimeZones>();
        services.AddSingleton<SenderSignals>();
        services.AddSingleton<Deferrals>();
        services.AddSingleton<CampaignGuardrails>();
        services.AddSingleton<DeadLetterStore>();
        services.AddSingleton<DeadLetterReplay>();
        services.AddSingleton<SendOutcomeRecorder>();
        services.AddSingleton<SendPipeline>();
        services.AddSingleton<SendProcessor>();
        return services;
    }
}
