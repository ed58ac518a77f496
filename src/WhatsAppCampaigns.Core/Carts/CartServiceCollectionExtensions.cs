using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.Core.Journeys;

namespace WhatsAppCampaigns.Core.Carts;

public static class CartServiceCollectionExtensions
{
    public static IServiceCollection AddCartReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddJourneyOptions<CartReminderOptions>(configuration, CartReminderOptions.SectionName, CartReminderOptions.DefaultSteps, s => s.Delay > TimeSpan.Zero, "a positive Delay")
            .Validate(o => o.AttributionWindow > TimeSpan.Zero, "CartReminders:AttributionWindow must be positive.");
        services.AddSingleton<CartJourney>();
        services.AddSingleton<IJourneyDefinition>(sp => sp.GetRequiredService<CartJourney>());
        services.AddSingleton<CartStore>();
        services.AddSingleton<CartEventHandler>();
        services.AddSingleton<CartReminderJob>();
        return services;
    }
}
