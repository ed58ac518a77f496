namespace WhatsAppCampaigns.Core.Consent;

/// <summary>The sources of consent changes the product itself records, and which clock dates them.</summary>
public static class ConsentSources
{
    /// <summary>A STOP-style (or START-style) reply.</summary>
    public const string WhatsAppKeyword = "whatsapp_keyword";

    /// <summary>An opt-out quick-reply or interactive button.</summary>
    public const string WhatsAppButton = "whatsapp_button";

    /// <summary>WhatsApp's own Stop/Resume control for the business's offers.</summary>
    public const string UserPreferences = "user_preferences";

    /// <summary>Graph refused a marketing send because the person stopped marketing (131050).</summary>
    public const string Graph131050 = "graph_131050";

    /// <summary>Dated by WhatsApp's own clock (the webhook's timestamp, whole seconds): see <see cref="ConsentClock.WhatsApp"/>.</summary>
    public static bool IsWhatsAppClock(string source) => source is WhatsAppKeyword or WhatsAppButton or UserPreferences;
}
