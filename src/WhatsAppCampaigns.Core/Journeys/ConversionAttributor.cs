using WhatsAppCampaigns.Core.Messages;

namespace WhatsAppCampaigns.Core.Journeys;

/// <summary>
/// Last-touch attribution: an order counts for the message last delivered to the customer within the window, whether a
/// campaign's (its funnel) or a journey step's (its funnel and the journey's statistics per step and template).
/// </summary>
public sealed class ConversionAttributor(IMessageLedger ledger, JourneyStats stats, IEnumerable<IJourneyDefinition> journeys)
{
    public async Task<MessageDelivery?> AttributeAsync(string phone, string orderId, decimal amount, string currency, DateTimeOffset at, TimeSpan window, CancellationToken ct)
    {
        var touch = await ledger.FindLastDeliveredAsync(phone, at, window, ct);
        if (touch is null)
        {
            return null;
        }

        var amountMinor = ToMinorUnits(amount, currency);
        var counted = await ledger.RecordConversionAsync(touch.Key, new Conversion(orderId, amountMinor, currency, at), ct);
        if (counted && JourneyStep.TryParse(touch.Key.CampaignId, out var step) && journeys.FirstOrDefault(j => j.Name == step!.Journey) is { } journey)
        {
            var template = journey.Steps.ElementAtOrDefault(step!.Step)?.Template ?? "unknown";
            await stats.ConvertedAsync(journey, step.Step, template, amountMinor, currency, at, ct);
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
