using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.Core.Carts;

/// <summary>
/// Last-touch attribution: an order counts for the message last delivered to the customer within the window,
/// whether a campaign's (its funnel) or a cart reminder's (its funnel and the cart statistics per step and template).
/// </summary>
public sealed class ConversionAttributor(IMessageLedger ledger, CartStats stats, IOptions<CartReminderOptions> options)
{
    public async Task<MessageDelivery?> AttributeAsync(string phone, string orderId, decimal amount, string currency, DateTimeOffset at, CancellationToken ct)
    {
        var touch = await ledger.FindLastDeliveredAsync(phone, at, options.Value.AttributionWindow, ct);
        if (touch is null)
        {
            return null;
        }

        var amountMinor = ToMinorUnits(amount, currency);
        var counted = await ledger.RecordConversionAsync(touch.Key, new Conversion(orderId, amountMinor, currency, at), ct);
        if (counted && JourneyStep.TryParse(touch.Key.CampaignId, out var reminder) && reminder!.Journey == JourneyStep.Cart)
        {
            var template = options.Value.Steps.ElementAtOrDefault(reminder.Step)?.Template ?? "unknown";
            await stats.RecoveredAsync(reminder.Step, template, amountMinor, currency, at, ct);
        }

        return touch;
    }

    /// <summary>Minor units per ISO 4217 (two decimals except the few zero- and three-decimal currencies).</summary>
    public static long ToMinorUnits(decimal amount, string currency)
    {
        var decimals = currency switch
        {
            "JPY" or "KRW" or "CLP" or "VND" or "ISK" or "UGX" => 0,
            "BHD" or "KWD" or "OMR" or "JOD" or "TND" => 3,
            _ => 2,
        };
        return (long)decimal.Round(amount * (decimal)Math.Pow(10, decimals), MidpointRounding.AwayFromZero);
    }
}
