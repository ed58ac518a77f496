using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Journeys;

public static class JourneyServiceCollectionExtensions
{
    /// <summary>The engine every journey shares: state, due index, event log, stats, runner and attribution.</summary>
    public static IServiceCollection AddJourneyEngine(this IServiceCollection services)
    {
        services.AddTables(JourneyStore.TableName, JourneyDueIndex.TableName, JourneyEventLog.TableName, JourneyStats.TableName);
        services.AddSingleton<JourneyDueIndex>();
        services.AddSingleton<JourneyEventLog>();
        services.AddSingleton<JourneyStats>();
        services.AddSingleton<JourneyRunner>();
        services.AddSingleton<ConversionAttributor>();
        return services;
    }

    /// <summary>
    /// A journey's options from its section, with its default steps only where none are configured (binding would append
    /// configured steps to a default list), each step checked at start-up.
    /// </summary>
    public static OptionsBuilder<TOptions> AddJourneyOptions<TOptions>(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration, string section, Func<IEnumerable<JourneyStepOptions>> defaultSteps, Func<JourneyStepOptions, bool> stepIsValid, string stepRule)
        where TOptions : JourneyOptions
    {
        return services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(section))
            .PostConfigure(o =>
            {
                if (o.Steps.Count == 0)
                {
                    o.Steps.AddRange(defaultSteps());
                }
            })
            .Validate(o => o.Steps.All(s => stepIsValid(s) && !string.IsNullOrWhiteSpace(s.Template)), $"Every {section}:Steps entry needs {stepRule} and a Template: configured steps replace the default ones, so give each step both.")
            .Validate(o => CronSchedule.TryParse(o.Schedule, out _), $"{section}:Schedule must be an NCRONTAB expression with seconds, e.g. \"0 * * * * *\".")
            .Validate(o => o.MaxRemindersPerRun > 0, $"{section}:MaxRemindersPerRun must be positive.")
            .ValidateOnStart();
    }
}
