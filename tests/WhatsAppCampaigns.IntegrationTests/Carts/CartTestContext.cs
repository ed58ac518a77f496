using WhatsAppCampaigns.Core.Carts;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Conversations;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Carts;

/// <summary>The cart feature on Azurite with a fake clock; consent and replies are scripted per test.</summary>
public sealed class CartTestContext : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private CartTestContext(CoreServices core)
    {
        Core = core;
    }

    public CoreServices Core { get; }

    public CartEventHandler Events => Core.Get<CartEventHandler>();

    public CartReminderJob Job => Core.Get<CartReminderJob>();

    public IConsentLedger Consent => Core.Get<IConsentLedger>();

    public ICustomerServiceWindows Conversations => Core.Get<ICustomerServiceWindows>();

    public static async Task<CartTestContext> StartAsync() => new(await CoreServices.StartAsync(now: T0));

    /// <summary>The checkout checkbox: the customer agreed to marketing messages a month ago.</summary>
    public Task OptInAsync(string phone) =>
        Consent.RecordAsync(phone, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedIn, "checkout_checkbox", T0.AddDays(-30), "I agree to receive offers from Shop by WhatsApp"));

    public void At(DateTimeOffset at) => Core.Clock.SetUtcNow(at);

    public async Task<IReadOnlyList<SendRequest>> DrainSendsAsync()
    {
        var queue = Core.Get<StorageClients>().Queue(StorageNames.SendsQueueName);
        var drained = new List<SendRequest>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32)).Value;
            if (batch.Length == 0)
            {
                return drained;
            }

            foreach (var message in batch)
            {
                drained.Add(SendRequestJson.Deserialize(message.Body.ToString()));
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    public static CartEvent Updated(string cartId, string phone, DateTimeOffset at, string? eventId = null, decimal total = 59.90m) => new(
        eventId ?? $"{cartId}-upd-{at.UtcTicks}",
        CartEventTypes.CartUpdated,
        at,
        cartId,
        new CartCustomer(phone, "Ana"),
        [new CartItem("Zapatos rojos", 1, total)],
        "MXN",
        total,
        $"https://shop.example/cart/{cartId}",
        Language: "es_MX");

    public static CartEvent Ordered(string cartId, string phone, DateTimeOffset at, string orderId, decimal amount = 59.90m) => new(
        $"{cartId}-ord-{orderId}", CartEventTypes.OrderPlaced, at, cartId, new CartCustomer(phone), OrderId: orderId, Amount: amount, Currency: "MXN");

    public async ValueTask DisposeAsync() => await Core.DisposeAsync();
}
