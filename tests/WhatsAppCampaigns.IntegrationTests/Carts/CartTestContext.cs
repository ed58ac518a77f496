using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
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

    private CartTestContext(CoreServices core, Mock<IConsentLedger> consent, Mock<ICustomerServiceWindows> conversations)
    {
        Core = core;
        Consent = consent;
        Conversations = conversations;
    }

    public CoreServices Core { get; }

    /// <summary>Everyone has opted in unless a test says otherwise.</summary>
    public Mock<IConsentLedger> Consent { get; }

    /// <summary>Nobody has written to the business unless a test says otherwise.</summary>
    public Mock<ICustomerServiceWindows> Conversations { get; }

    public CartEventHandler Events => Core.Get<CartEventHandler>();

    public CartReminderJob Job => Core.Get<CartReminderJob>();

    public static async Task<CartTestContext> StartAsync()
    {
        var consent = new Mock<IConsentLedger>();
        consent.Setup(c => c.GetAsync(It.IsAny<string>(), It.IsAny<ConsentScope>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, ConsentScope scope, CancellationToken _) => new ConsentState(scope, ConsentStatus.OptedIn, T0.AddDays(-30), "checkout_checkbox"));
        var conversations = new Mock<ICustomerServiceWindows>();
        var core = await CoreServices.StartAsync(
            services =>
            {
                services.AddCartReminders(new ConfigurationBuilder().Build());
                services.AddSingleton(consent.Object);
                services.AddSingleton(conversations.Object);
            },
            now: T0);
        return new CartTestContext(core, consent, conversations);
    }

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
