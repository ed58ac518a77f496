using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Carts;

public static class CartServiceCollectionExtensions
{
    public static IServiceCollection AddCartReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CartReminderOptions>()
            .Bind(configuration.GetSection(CartReminderOptions.SectionName))
            .Validate(o => o.Steps.Count > 0 && o.Steps.All(s => s.Delay > TimeSpan.Zero && !string.IsNullOrWhiteSpace(s.Template)), "CartReminders:Steps needs at least one step, each with a positive Delay and a Template.")
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
