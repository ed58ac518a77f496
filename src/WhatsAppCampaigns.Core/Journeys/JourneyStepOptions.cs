using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Journeys;

/// <summary>
/// One configured step of a journey: which template goes, in which language, with which body parameters, and when.
/// Each journey says what its timing means (<see cref="Delay"/> after a cart's last update, <see cref="Before"/> an
/// appointment's start).
/// </summary>
public sealed class JourneyStepOptions
{
    public TimeSpan Delay { get; set; }

    public TimeSpan Before { get; set; }

    public string Template { get; set; } = "";

    /// <summary>Null: the subject's language, else the journey's default.</summary>
    public string? Language { get; set; }

    /// <summary>Body parameters in order, as the journey's tokens; anything else is sent as written. Configured ones replace the journey's defaults.</summary>
    public List<string>? Parameters { get; set; }

    public TemplateCategory Category { get; set; } = TemplateCategory.Marketing;

    public IReadOnlyList<string> ParametersOr(IReadOnlyList<string> defaults) => Parameters is { Count: > 0 } configured ? configured : defaults;
}

/// <summary>What every journey's section has. Configured <see cref="Steps"/> replace the journey's defaults as a whole (never appended).</summary>
public abstract class JourneyOptions
{
    /// <summary>Every minute: steps are due at minute granularity, and a run reads only what is due.</summary>
    public const string DefaultSchedule = "0 * * * * *";

    public List<JourneyStepOptions> Steps { get; set; } = [];

    /// <summary>When the journey's timer runs, as an NCRONTAB expression with seconds (both hosts read it).</summary>
    public string Schedule { get; set; } = DefaultSchedule;

    /// <summary>Template language when the subject names none.</summary>
    public string DefaultLanguage { get; set; } = "en_US";

    /// <summary>Due steps handled per timer run; the rest wait for the next run.</summary>
    public int MaxRemindersPerRun { get; set; } = 5_000;
}
