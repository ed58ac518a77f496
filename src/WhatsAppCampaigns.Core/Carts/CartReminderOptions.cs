using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Carts;

/// <summary>
/// The reminder sequence. Section <c>CartReminders</c>. Configured <see cref="Steps"/> replace the default steps as a
/// whole (never appended to them), so give each configured step its <c>Delay</c> and <c>Template</c>.
/// </summary>
public sealed class CartReminderOptions
{
    public const string SectionName = "CartReminders";

    /// <summary>Every minute: reminders are due at minute granularity, and a run reads only what is due.</summary>
    public const string DefaultSchedule = "0 * * * * *";

    /// <summary>Steps in order; each waits <see cref="CartReminderStep.Delay"/> after the cart's last update. Empty = <see cref="DefaultSteps"/>.</summary>
    public List<CartReminderStep> Steps { get; set; } = [];

    /// <summary>When the reminder timer runs, as an NCRONTAB expression with seconds (both hosts read it).</summary>
    public string Schedule { get; set; } = DefaultSchedule;

    /// <summary>An order this soon after a delivered reminder counts as recovered by it.</summary>
    public TimeSpan AttributionWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Template language when the cart event names none.</summary>
    public string DefaultLanguage { get; set; } = "en_US";

    /// <summary>Due reminders handled per timer run; the rest wait for the next run.</summary>
    public int MaxRemindersPerRun { get; set; } = 5_000;

    public static IEnumerable<CartReminderStep> DefaultSteps() =>
    [
        new() { Delay = TimeSpan.FromHours(1), Template = "cart_reminder" },
        new() { Delay = TimeSpan.FromHours(24), Template = "cart_reminder" },
    ];
}

public sealed class CartReminderStep
{
    public static readonly IReadOnlyList<string> DefaultParameters = ["customer_name", "first_item"];

    public TimeSpan Delay { get; set; }

    public string Template { get; set; } = "";

    /// <summary>
    /// Body parameters in order, as tokens: <c>customer_name</c>, <c>first_item</c>, <c>item_count</c>, <c>total</c>,
    /// <c>recovery_url</c>; anything else is sent as written. Not configured = <see cref="DefaultParameters"/>; configured
    /// ones replace them.
    /// </summary>
    public List<string>? Parameters { get; set; }

    public IReadOnlyList<string> EffectiveParameters => Parameters is { Count: > 0 } configured ? configured : DefaultParameters;

    public TemplateCategory Category { get; set; } = TemplateCategory.Marketing;
}
