using System.Globalization;
using WhatsAppCampaigns.Core.CloudApi;
using WhatsAppCampaigns.Core.Sending;

namespace WhatsAppCampaigns.Core.Carts;

/// <summary>Turns a cart and a step into the send request the senders will check and send like any other.</summary>
public static class CartReminderMessages
{
    public static SendRequest Create(CartState cart, int step, CartReminderStep definition, string defaultLanguage) => new(
        cart.Reminder(step).Id,
        cart.Phone,
        definition.Template,
        cart.Language ?? defaultLanguage,
        definition.Category,
        [new TemplateComponent("body", definition.EffectiveParameters.Select(p => TemplateParameter.FromText(Resolve(p, cart))).ToArray())],
        SendPolicy.Default);

    private static string Resolve(string token, CartState cart) => token switch
    {
        "customer_name" => string.IsNullOrWhiteSpace(cart.CustomerName) ? "there" : cart.CustomerName,
        "first_item" => cart.Items.Count switch
        {
            0 => "your items",
            1 => cart.Items[0].Name,
            _ => $"{cart.Items[0].Name} (+{cart.Items.Count - 1})",
        },
        "item_count" => cart.Items.Sum(i => i.Quantity).ToString(CultureInfo.InvariantCulture),
        "total" => $"{cart.Total.ToString("0.00", CultureInfo.InvariantCulture)} {cart.Currency}",
        "recovery_url" => cart.RecoveryUrl ?? "",
        _ => token,
    };
}
