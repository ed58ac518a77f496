namespace WhatsAppCampaigns.Core.Consent;

/// <summary>Keywords for the markets served (English, Spanish, Indonesian, Portuguese), matched whole and without accents.</summary>
public static class ConsentKeywordDefaults
{
    public static readonly IReadOnlyDictionary<string, string[]> OptOut = new Dictionary<string, string[]>
    {
        ["en"] = ["STOP", "STOP ALL", "UNSUBSCRIBE", "OPT OUT", "OPTOUT", "CANCEL", "QUIT", "STOP PROMOTIONS"],
        ["es"] = ["BAJA", "DAR DE BAJA", "ALTO", "PARAR", "DETENER", "CANCELAR", "NO MÁS"],
        ["id"] = ["BERHENTI", "STOP", "BERHENTI BERLANGGANAN", "STOP PROMO"],
        ["pt"] = ["PARAR", "SAIR", "CANCELAR", "DESCADASTRAR"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> OptIn = new Dictionary<string, string[]>
    {
        ["en"] = ["START", "SUBSCRIBE", "UNSTOP"],
        ["es"] = ["ALTA", "SUSCRIBIR", "SUSCRIBIRME"],
        ["id"] = ["MULAI", "LANGGANAN"],
        ["pt"] = ["COMEÇAR", "ASSINAR", "INSCREVER"],
    };

    public static readonly string[] OptOutButtonPayloads = ["OPT_OUT", "STOP_PROMOTIONS", "UNSUBSCRIBE"];
}
