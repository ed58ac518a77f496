namespace WhatsAppCampaigns.CloudApiSimulator.Templates;

/// <summary>Templates registered when no seed is given: the product's typical campaigns in its first markets.</summary>
public static class DefaultTemplates
{
    /// <summary>All default templates.</summary>
    public static IReadOnlyList<SimulatedTemplate> All { get; } =
    [
        new() { Name = "cart_reminder", Language = "en_US", BodyText = "Hi {{1}}, you left {{2}} in your cart. Complete your order today!" },
        new() { Name = "cart_reminder", Language = "es_MX", BodyText = "Hola {{1}}, dejaste {{2}} en tu carrito." },
        new() { Name = "cart_reminder", Language = "id", BodyText = "Hai {{1}}, {{2}} masih ada di keranjangmu." },
        new() { Name = "promo_discount", Language = "en_US", BodyText = "{{1}}, enjoy {{2}} off with code {{3}} until {{4}}." },
        new() { Name = "restock_alert", Language = "en_US", BodyText = "Good news {{1}}: {{2}} is back in stock." },
        new() { Name = "order_update", Language = "en_US", Category = TemplateCategories.Utility, BodyText = "Your order {{1}} is {{2}}." },
        new() { Name = "appointment_reminder", Language = "en_US", Category = TemplateCategories.Utility, BodyText = "Reminder: your appointment is on {{1}} at {{2}}." },
        new() { Name = "hello_world", Language = "en_US", Category = TemplateCategories.Utility, BodyText = "Welcome and congratulations!" },
        new() { Name = "paused_promo", Language = "en_US", Status = TemplateStatuses.Paused, BodyText = "Flash sale for {{1}}!" },
        new() { Name = "disabled_promo", Language = "en_US", Status = TemplateStatuses.Disabled, BodyText = "Old offer for {{1}}." },
    ];
}
