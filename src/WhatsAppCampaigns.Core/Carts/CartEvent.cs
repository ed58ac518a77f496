namespace WhatsAppCampaigns.Core.Carts;

/// <summary>What the store tells us about a cart (<c>POST /api/carts/events</c>).</summary>
/// <param name="EventId">The store's id of the event: a repeated id changes nothing.</param>
/// <param name="Type"><c>cart_updated</c>, <c>checkout_completed</c>, <c>order_placed</c> or <c>cart_deleted</c>.</param>
/// <param name="OccurredAt">When it happened at the store; events older than what the cart already reflects are ignored.</param>
public sealed record CartEvent(
    string EventId,
    string Type,
    DateTimeOffset? OccurredAt,
    string CartId,
    CartCustomer? Customer = null,
    IReadOnlyList<CartItem>? Items = null,
    string? Currency = null,
    decimal? Total = null,
    string? RecoveryUrl = null,
    string? OrderId = null,
    decimal? Amount = null,
    string? Language = null);

public sealed record CartCustomer(string Phone, string? Name = null);

public sealed record CartItem(string Name, int Quantity, decimal Price);

public static class CartEventTypes
{
    public const string CartUpdated = "cart_updated";
    public const string CheckoutCompleted = "checkout_completed";
    public const string OrderPlaced = "order_placed";
    public const string CartDeleted = "cart_deleted";

    public static bool IsPurchase(string type) => type is CheckoutCompleted or OrderPlaced;
}
