using WhatsAppCampaigns.Core.Contacts;

namespace WhatsAppCampaigns.Core.Webhooks.Handlers;

/// <summary>WhatsApp ids (<c>wa_id</c>, <c>from</c>) are digits without the plus, sometimes in an older form.</summary>
internal static class WebhookPhone
{
    public static bool TryE164(string? waId, out string phone) => PhoneNumberNormalizer.TryFromWhatsAppId(waId, out phone);
}
