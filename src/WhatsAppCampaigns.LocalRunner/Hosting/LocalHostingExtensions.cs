using Microsoft.Extensions.DependencyInjection.Extensions;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.LocalRunner.Hosting;

public static class LocalHostingExtensions
{
    /// <summary>Runs <typeparamref name="TProcessor"/> for every message of a queue, like a Functions queue trigger.</summary>
    public static IServiceCollection AddQueuePump<TProcessor>(this IServiceCollection services, QueuePumpOptions options)
        where TProcessor : class, IQueueMessageProcessor
    {
        services.TryAddSingleton<TProcessor>();
        services.AddSingleton<IHostedService>(sp => new QueuePump<TProcessor>(
            sp.GetRequiredService<StorageClients>(),
            sp.GetRequiredService<TProcessor>(),
            options,
            sp.GetRequiredService<ILogger<QueuePump<TProcessor>>>()));
        return services;
    }

    /// <summary>Runs <typeparamref name="TJob"/> at every occurrence of its schedule, like a Functions timer trigger.</summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, Func<IServiceProvider, string> schedule)
        where TJob : class, IScheduledJob
    {
        services.TryAddSingleton<TJob>();
        services.AddSingleton<IHostedService>(sp => new PeriodicJobRunner<TJob>(
            sp.GetRequiredService<TJob>(),
            CronSchedule.Parse(schedule(sp)),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PeriodicJobRunner<TJob>>>()));
        return services;
    }
}
