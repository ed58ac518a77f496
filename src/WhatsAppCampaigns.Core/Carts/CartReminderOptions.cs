using WhatsAppCampaigns.Core.Journeys;

namespace WhatsAppCampaigns.Core.Carts;

/// <summary>
/// The cart reminder journey. Section <c>CartReminders</c>. Each step waits its <see cref="JourneyStepOptions.Delay"/>
/// after the cart's last update; configured steps replace the default steps as a whole (never appended to them), so give
/// each configured step its <c>Delay</c> and <c>Template</c>.
/// </summary>
public sealed class CartReminderOptions : JourneyOptions
{
    public const string SectionName = "CartReminders";

    /// <summary>Body parameters when a step names none; the tokens are <c>customer_name</c>, <c>first_item</c>, <c>item_count</c>, <c>total</c>, <c>recovery_url</c>.</summary>
    public static readonly IReadOnlyList<string> DefaultParameters = ["customer_name", "first_item"];

    /// <summary>An order this soon after a delivered message counts as converted by it (a reminder's or a campaign's).</summary>
    public TimeSpan AttributionWindow { get; set; } = TimeSpan.FromDays(7);

    public static IEnumerable<JourneyStepOptions> DefaultSteps() =>
    [
        new() { Delay = TimeSpan.FromHours(1), Template = "cart_reminder" },
        new() { Delay = TimeSpan.FromHours(24), Template = "cart_reminder" },
    ];
}
