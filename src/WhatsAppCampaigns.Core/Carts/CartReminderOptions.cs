using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Carts;

/// <summary>The reminder sequence. Section <c>CartReminders</c>.</summary>
public sealed class CartReminderOptions
{
    public const string SectionName = "CartReminders";

    /// <summary>Steps in order; each waits <see cref="CartReminderStep.Delay"/> after the cart's last update.</summary>
    public List<CartReminderStep> Steps { get; set; } =
    [
        new() { Delay = TimeSpan.FromHours(1), Template = "cart_reminder" },
        new() { Delay = TimeSpan.FromHours(24), Template = "cart_reminder" },
    ];

    /// <summary>An order this soon after a delivered reminder counts as recovered by it.</summary>
    public TimeSpan AttributionWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Template language when the cart event names none.</summary>
    public string DefaultLanguage { get; set; } = "en_US";

    /// <summary>Due reminders handled per timer run; the rest wait for the next run.</summary>
    public int MaxRemindersPerRun { get; set; } = 5_000;
}

public sealed class CartReminderStep
{
    public TimeSpan Delay { get; set; }

    public string Template { get; set; } = "";

    /// <summary>
    /// Body parameters in order, as tokens: <c>customer_name</c>, <c>first_item</c>, <c>item_count</c>, <c>total</c>,
    /// <c>recovery_url</c>; anything else is sent as written.
    /// </summary>
    public List<string> Parameters { get; set; } = ["customer_name", "first_item"];

    public TemplateCategory Category { get; set; } = TemplateCategory.Marketing;
}
