using System.Text.RegularExpressions;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.Core.Templates;

namespace WhatsAppCampaigns.Core.Carts;

/// <summary>Checks an event before anything is stored; every problem is reported, keyed by its field.</summary>
public static partial class CartEventValidator
{
    public const int MaxIdChars = 200;
    public const int MaxItems = 100;
    public const int MaxItemNameChars = 500;

    /// <summary>A store's clock may run ahead a little; an event from further in the future would pin the cart forever.</summary>
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromDays(1);

    /// <param name="now">To refuse an <c>occurredAt</c> far in the future.</param>
    public static IReadOnlyDictionary<string, string[]> Validate(CartEvent e, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        // Ids become Table keys (and parts of them): one set of key rules, and a length well inside them.
        if (!IsValidId(e.EventId))
        {
            Add("eventId", $"is required (at most {MaxIdChars} characters, without / \\ # ? or control characters)");
        }

        if (!IsValidId(e.CartId))
        {
            Add("cartId", $"is required (at most {MaxIdChars} characters, without / \\ # ? or control characters)");
        }

        if (e.OccurredAt > now + MaxClockAhead)
        {
            Add("occurredAt", "must not be in the future");
        }

        if (e.Customer?.Name is { Length: > MaxIdChars })
        {
            Add("customer.name", $"at most {MaxIdChars} characters");
        }

        if (e.Language is not null && !TemplateNames.IsValidLanguage(e.Language))
        {
            Add("language", "must be a language code such as es or es_MX");
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
                else if (e.Items.Count > MaxItems)
                {
                    Add("items", $"at most {MaxItems} items");
                }
                else if (e.Items.Any(i => i is null || string.IsNullOrWhiteSpace(i.Name) || i.Name.Length > MaxItemNameChars || i.Quantity <= 0 || i.Price < 0))
                {
                    Add("items", $"each item needs a name (at most {MaxItemNameChars} characters), a positive quantity and a non-negative price");
                }

                RequireMoney(e.Total, "total", Add);
                RequireCurrency(e.Currency, Add);
                if (e.RecoveryUrl is not null
                    && !(e.RecoveryUrl.Length <= 2_000 && Uri.TryCreate(e.RecoveryUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
                {
                    Add("recoveryUrl", "must be an absolute http or https URL of at most 2,000 characters");
                }

                break;
            case CartEventTypes.CheckoutCompleted or CartEventTypes.OrderPlaced:
                if (e.Customer is not null && !PhoneNumberNormalizer.TryNormalize(e.Customer.Phone, null, out _))
                {
                    Add("customer.phone", "must be a valid mobile number in E.164 when given");
                }

                if (!IsValidId(e.OrderId))
                {
                    Add("orderId", $"is required (at most {MaxIdChars} characters, without / \\ # ? or control characters)");
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

    private static bool IsValidId(string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxIdChars && TableLimits.IsValidKey(id);

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
