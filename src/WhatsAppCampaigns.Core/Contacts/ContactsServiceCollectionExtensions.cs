using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Account;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Contacts.Import;
using WhatsAppCampaigns.Core.Conversations;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Contacts;

public static class ContactsServiceCollectionExtensions
{
    /// <summary>Contacts, consent, suppression, customer-service windows and account signals, on Table Storage.</summary>
    public static IServiceCollection AddContactsAndConsent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsentOptions>()
            .Bind(configuration.GetSection(ConsentOptions.SectionName))
            .Validate(o => o.ClockTolerance >= TimeSpan.Zero && o.ClockTolerance <= TimeSpan.FromHours(1), "Consent:ClockTolerance must be between 0 and 1 hour.")
            .ValidateOnStart();
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountOptions>, AccountOptionsValidator>();
        services.AddTables(
            TableContactDirectory.TableName,
            TableConsentLedger.TableName,
            SuppressionList.TableName,
            TableCustomerServiceWindows.TableName,
            TableAccountSignals.TableName);

        services.AddSingleton<TableContactDirectory>();
        services.AddSingleton<IContactDirectory>(sp => sp.GetRequiredService<TableContactDirectory>());
        services.AddSingleton<SuppressionHasher>();
        services.AddSingleton<SuppressionList>();
        services.AddSingleton<TableConsentLedger>();
        services.AddSingleton<IConsentLedger>(sp => sp.GetRequiredService<TableConsentLedger>());
        services.AddSingleton<ConsentPolicy>();
        services.AddSingleton<ConsentKeywords>();
        services.AddSingleton<TableCustomerServiceWindows>();
        services.AddSingleton<ICustomerServiceWindows>(sp => sp.GetRequiredService<TableCustomerServiceWindows>());
        services.AddSingleton<IAccountSignals, TableAccountSignals>();
        services.AddSingleton<ContactRecords>();
        services.AddSingleton<ContactImporter>();
        return services;
    }
}
