using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Carts;

public static class CartServiceCollectionExtensions
{
    public static IServiceCollection AddCartReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CartReminderOptions>()
            .Bind(configuration.GetSection(CartReminderOptions.SectionName))
            .PostConfigure(o =>
            {
                // Defaults only where nothing is configured: binding would append configured steps to a default list.
                if (o.Steps.Count == 0)
                {
                    o.Steps.AddRange(CartReminderOptions.DefaultSteps());
                }
            })
            .Validate(o => o.Steps.All(s => s.Delay > TimeSpan.Zero && !string.IsNullOrWhiteSpace(s.Template)), "Every CartReminders:Steps entry needs a positive Delay and a Template: configured steps replace the default ones, so give each its Delay and Template.")
            .Validate(o => CronSchedule.TryParse(o.Schedule, out _), "CartReminders:Schedule must be an NCRONTAB expression with seconds, e.g. \"0 * * * * *\".")
            .Validate(o => o.AttributionWindow > TimeSpan.Zero, "CartReminders:AttributionWindow must be positive.")
            .ValidateOnStart();
        services.AddTables(CartStore.CartsTable, CartStore.DueTable, CartStore.EventsTable, CartStats.TableName);
        services.AddSingleton<CartStore>();
        services.AddSingleton<CartStats>();
        services.AddSingleton<ConversionAttributor>();
        services.AddSingleton<CartEventHandler>();
        services.AddSingleton<CartReminderJob>();
        return services;
    }
}
