using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Journeys;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Observability;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Carts;

public enum CartEventOutcome
{
    Applied,

    /// <summary>The event id was seen before: nothing changed.</summary>
    Duplicate,

    /// <summary>Older than what the cart already reflects (events can arrive out of order): nothing changed.</summary>
    Stale,
}

/// <summary>Applies the store's cart events: an update (re)starts the reminder clock, a purchase stops it and is attributed, a deletion stops it.</summary>
public sealed partial class CartEventHandler(
    CartStore store,
    JourneyEventLog events,
    ConversionAttributor attributor,
    IOptions<CartReminderOptions> options,
    TimeProvider time,
    ILogger<CartEventHandler> logger)
{
    public async Task<CartEventOutcome> HandleAsync(CartEvent e, CancellationToken ct)
    {
        if (await events.WasRecordedAsync(JourneyStep.Cart, e.EventId, ct))
        {
            return CartEventOutcome.Duplicate;
        }

        var at = e.OccurredAt ?? time.GetUtcNow();
        var outcome = await ApplyAsync(e, at, ct);

        // Recorded last: a crash before this line makes the store's retry apply the event again, which is harmless.
        await events.TryRecordAsync(JourneyStep.Cart, e.EventId, e.CartId, at, ct);
        return outcome;
    }

    private async Task<CartEventOutcome> ApplyAsync(CartEvent e, DateTimeOffset at, CancellationToken ct)
    {
        var applied = await OptimisticWrite.RunAsync(async token =>
        {
            var (cart, etag) = await store.GetAsync(e.CartId, token);
            // An update at the very moment of a purchase or deletion does not reopen the cart.
            if (cart is not null && (cart.UpdatedAt > at || (cart.UpdatedAt == at && cart.Status != CartStatus.Open && e.Type == CartEventTypes.CartUpdated)))
            {
                return false;
            }

            var next = e.Type switch
            {
                CartEventTypes.CartUpdated => Updated(e, cart, at),
                _ when CartEventTypes.IsPurchase(e.Type) => Purchased(e, cart, at),
                _ => Ended(e, cart, at) with { Status = CartStatus.Deleted, NextDueAt = null, UpdatedAt = at },
            };

            await store.SaveAsync(next, etag, token);
            return true;
        }, ct);
        if (!applied)
        {
            return CartEventOutcome.Stale;
        }

        if (CartEventTypes.IsPurchase(e.Type) && await PhoneOfAsync(e, ct) is { } phone)
        {
            var touch = await attributor.AttributeAsync(phone, e.OrderId!, e.Amount!.Value, e.Currency!, at, options.Value.AttributionWindow, ct);
            LogPurchase(logger, e.CartId, PhoneMask.Mask(phone), touch?.Key.CampaignId ?? "(none)");
        }

        return CartEventOutcome.Applied;
    }

    private CartState Updated(CartEvent e, CartState? cart, DateTimeOffset at)
    {
        var first = options.Value.Steps.FirstOrDefault();
        return new CartState(
            e.CartId, e.Customer!.Phone, e.Customer.Name, e.Items!, e.Currency!, e.Total!.Value, e.RecoveryUrl, e.Language ?? cart?.Language,
            UpdatedAt: at,
            Sequence: (cart?.Sequence ?? -1) + 1,
            NextStep: 0,
            NextDueAt: first is null ? null : at + first.Delay,
            Status: CartStatus.Open);
    }

    /// <summary>
    /// A purchase (or deletion) of a cart not seen yet is kept too, as an ended cart with what the event says: events
    /// arrive out of order, and an older update arriving later must find it and be stale, not open a cart to remind about.
    /// </summary>
    private static CartState Purchased(CartEvent e, CartState? cart, DateTimeOffset at) => Ended(e, cart, at) with
    {
        Status = CartStatus.Purchased,
        NextDueAt = null,
        OrderId = e.OrderId,
        Amount = e.Amount,
        PurchasedAt = at,
        UpdatedAt = at,
    };

    private static CartState Ended(CartEvent e, CartState? cart, DateTimeOffset at) =>
        cart ?? new CartState(e.CartId, e.Customer?.Phone ?? "", e.Customer?.Name, e.Items ?? [], e.Currency ?? "", e.Amount ?? 0, e.RecoveryUrl, e.Language,
            UpdatedAt: at, Sequence: 0, NextStep: 0, NextDueAt: null, Status: CartStatus.Deleted);

    private async Task<string?> PhoneOfAsync(CartEvent e, CancellationToken ct) =>
        (e.Customer?.Phone ?? (await store.GetAsync(e.CartId, ct)).State?.Phone) is { Length: > 0 } phone ? phone : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Cart {CartId} purchased by {Customer}; attributed to {AttributedTo}")]
    private static partial void LogPurchase(ILogger logger, string cartId, string customer, string attributedTo);
}
