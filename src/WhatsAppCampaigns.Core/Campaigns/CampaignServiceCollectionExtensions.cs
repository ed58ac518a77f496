using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WhatsAppCampaigns.Core.Audiences;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Campaigns;

public static class CampaignServiceCollectionExtensions
{
    /// <summary>
    /// Templates, audiences and campaigns. Needs from other features: <c>IConsentLedger</c>, <c>ISendQueue</c>,
    /// <c>IMessageLedger</c> and <c>IAccountSignals</c>.
    /// </summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CampaignOptions>()
            .Bind(configuration.GetSection(CampaignOptions.SectionName))
            .Validate(o => o.PageSize is >= 1 and <= 1000, "Campaigns:PageSize must be 1 to 1000 (a table query page).")
            .Validate(o => o.PagesPerGeneration is >= 1 and <= 200, "Campaigns:PagesPerGeneration must be 1 to 200.")
            .Validate(o => o.OptOutAttributionWindow > TimeSpan.Zero, "Campaigns:OptOutAttributionWindow must be positive.")
            .ValidateOnStart();
        services.AddTables(
            TableTemplateRegistry.TableName,
            TagIndexRows.TableName,
            TableCampaignStore.TableName,
            RecipientMarkers.TableName,
            ConsentNoticeLog.TableName);

        services.AddSingleton<ITemplateRegistry, TableTemplateRegistry>();
        services.AddSingleton<TemplateSync>();
        services.AddSingleton<TableTagIndex>();
        services.AddSingleton<ITagIndexWriter>(sp => sp.GetRequiredService<TableTagIndex>());
        services.AddSingleton<IAudienceSource>(sp => sp.GetRequiredService<TableTagIndex>());
        services.AddSingleton<ICampaignStore, TableCampaignStore>();
        services.AddSingleton<CampaignStateCache>();
        services.AddSingleton<CampaignSignalQueue>();
        services.AddSingleton<Messages.ISendingProgressSink>(sp => sp.GetRequiredService<CampaignSignalQueue>());
        services.AddSingleton<CampaignCommands>();
        services.AddSingleton<ICampaignControl>(sp => sp.GetRequiredService<CampaignCommands>());
        services.AddSingleton<CampaignSignalProcessor>();
        services.AddSingleton<ConsentNoticeLog>();
        services.AddSingleton<IPersonalDataStore>(sp => sp.GetRequiredService<ConsentNoticeLog>());
        services.AddSingleton<RecipientMarkers>();
        services.AddSingleton<MarketPolicy>();
        services.AddSingleton<RecipientEvaluator>();
        services.AddSingleton<CampaignFanOut>();
        services.AddSingleton<Testing.VariantTestDecider>();
        services.AddSingleton<OptOutAttributor>();
        services.AddSingleton<LaunchPolicy>();
        services.AddSingleton<CampaignLauncher>();
        services.AddSingleton<CampaignForecaster>();
        return services;
    }
}
