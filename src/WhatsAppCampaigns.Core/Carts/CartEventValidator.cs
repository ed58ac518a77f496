using System.Text.RegularExpressions;
using WhatsAppCampaigns.Core.Contacts;

namespace WhatsAppCampaigns.Core.Carts;

/// <summary>Checks an event before anything is stored; every problem is reported, keyed by its field.</summary>
public static partial class CartEventValidator
{
    public static IReadOnlyDictionary<string, string[]> Validate(CartEvent e)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        if (string.IsNullOrWhiteSpace(e.EventId) || e.EventId.Length > 200)
        {
            Add("eventId", "is required (at most 200 characters)");
        }

        if (string.IsNullOrWhiteSpace(e.CartId) || e.CartId.Length > 200 || e.CartId.IndexOfAny(['/', '\\', '#', '?']) >= 0)
        {
            Add("cartId", "is required (at most 200 characters, without / \\ # ?)");
        }

        switch (e.Type)
        {
            case CartEventTypes.CartUpdated:
                if (e.Customer is null || !PhoneNumberNormalizer.TryNormalize(e.Customer.Phone, null, out _))
                {
                    Add("customer.phone", "must be a valid mobile number in E.164, such as +525512345678");
                }

                if (e.Items is null || e.Items.Count == 0)
                {
                    Add("items", "must list at least one item");
                }
                else if (e.Items.Any(i => string.IsNullOrWhiteSpace(i.Name) || i.Quantity <= 0 || i.Price < 0))
                {
                    Add("items", "each item needs a name, a positive quantity and a non-negative price");
                }

                RequireMoney(e.Total, "total", Add);
                RequireCurrency(e.Currency, Add);
                if (e.RecoveryUrl is not null && !Uri.TryCreate(e.RecoveryUrl, UriKind.Absolute, out _))
                {
                    Add("recoveryUrl", "must be an absolute URL");
                }

                break;
            case CartEventTypes.CheckoutCompleted or CartEventTypes.OrderPlaced:
                if (e.Customer is not null && !PhoneNumberNormalizer.TryNormalize(e.Customer.Phone, null, out _))
                {
                    Add("customer.phone", "must be a valid mobile number in E.164 when given");
                }

                if (string.IsNullOrWhiteSpace(e.OrderId))
                {
                    Add("orderId", "is required");
                }

                RequireMoney(e.Amount, "amount", Add);
                RequireCurrency(e.Currency, Add);
                break;
            case CartEventTypes.CartDeleted:
                break;
            default:
                Add("type", "must be cart_updated, checkout_completed, order_placed or cart_deleted");
                break;
        }

        return errors;
    }

    /// <summary>The event with its customer's number in canonical E.164 (call after <see cref="Validate"/> found nothing).</summary>
    public static CartEvent Normalize(CartEvent e) =>
        e.Customer is { } customer && PhoneNumberNormalizer.TryNormalize(customer.Phone, null, out var phone)
            ? e with { Customer = customer with { Phone = phone!.E164 } }
            : e;

    private static void RequireMoney(decimal? value, string field, Action<string, string> add)
    {
        if (value is null or < 0)
        {
            add(field, "is required and must not be negative");
        }
    }

    private static void RequireCurrency(string? currency, Action<string, string> add)
    {
        if (currency is null || !Currency().IsMatch(currency))
        {
            add("currency", "must be an ISO 4217 code such as MXN");
        }
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Currency();
}
