namespace WhatsAppCampaigns.Core.Webhooks.Handlers;

/// <summary>WhatsApp ids (<c>wa_id</c>, <c>from</c>) are the number's digits without the plus.</summary>
internal static class WebhookPhone
{
    public static bool TryE164(string? waId, out string phone)
    {
        phone = "";
        if (waId is not { Length: >= 7 and <= 15 } || !waId.All(char.IsAsciiDigit))
        {
            return false;
        }

        phone = "+" + waId;
        return true;
    }
}
