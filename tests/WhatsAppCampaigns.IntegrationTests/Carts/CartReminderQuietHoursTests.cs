using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WhatsAppCampaigns.CloudApiSimulator;
using WhatsAppCampaigns.Core.Carts;
using WhatsAppCampaigns.Core.Consent;
using WhatsAppCampaigns.Core.Contacts;
using WhatsAppCampaigns.Core.Hosting;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Carts;

/// <summary>
/// A reminder that falls due at night in the customer's zone goes through the same senders as campaigns, which hold it
/// until morning there: the timer, the real send pipeline, the real consent ledger and the Cloud API simulator.
/// Only the queue's visibility delay is captured (Azurite's is in real time, the test's clock is not).
/// </summary>
public sealed class CartReminderQuietHoursTests : IAsyncLifetime
{
    private const string Phone = "+525512345678";

    // 20:00 in Mexico City (UTC-6): the first reminder falls due at 21:00 local, when quiet hours begin.
    private static readonly DateTimeOffset Updated = new(2026, 3, 3, 2, 0, 0, TimeSpan.Zero);

    private readonly CapturingSendQueue _queue = new();
    private CloudApiSimulatorHost _simulator = null!;
    private CoreServices _core = null!;

    public async Task InitializeAsync()
    {
        _simulator = await CloudApiSimulatorHost.StartAsync(new CloudApiSimulatorOptions { Seed = 3 });
        _core = await CoreServices.StartAsync(
            services => services.Replace(ServiceDescriptor.Singleton<ISendQueue>(_queue)),
            new Dictionary<string, string?>
            {
                ["WhatsApp:GraphBaseUrl"] = _simulator.BaseUrl.ToString(),
                ["WhatsApp:AccessToken"] = _simulator.Options.AccessToken,
                ["WhatsApp:PhoneNumberIds:0"] = _simulator.PhoneNumber.Id,
                ["CartReminders:Steps:0:Delay"] = "01:00:00",
                ["CartReminders:Steps:0:Template"] = "cart_reminder",
                ["CartReminders:Steps:1:Delay"] = "1.00:00:00",
                ["CartReminders:Steps:1:Template"] = "cart_reminder",
            },
            Updated);
        await _core.Get<TableContactDirectory>().UpsertAsync(new Contact(Phone, "MX", "America/Mexico_City", "es_MX", [], new Dictionary<string, string>(), Updated));
        await _core.Get<IConsentLedger>().RecordAsync(Phone, new ConsentChange(ConsentScope.Marketing, ConsentStatus.OptedIn, "checkout_checkbox", Updated.AddDays(-3)));
    }

    public async Task DisposeAsync()
    {
        await _core.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task ReminderDueAtNight_IsHeldUntilMorningInTheCustomersZone()
    {
        await _core.Get<CartEventHandler>().HandleAsync(CartTestContext.Updated("q1", Phone, Updated), default);

        _core.Clock.SetUtcNow(Updated.AddHours(1));
        Assert.Equal(1, (await _core.Get<CartReminderJob>().RunOnceAsync(default)).Enqueued);
        await ProcessQueuedAsync();

        Assert.Equal(0, _simulator.Ledger.Count);
        var held = Assert.Single(_queue.Take());
        var morning = new DateTimeOffset(2026, 3, 3, 14, 0, 0, TimeSpan.Zero); // 08:00 in Mexico City
        Assert.Equal(morning, held.Request.NotBefore);

        _core.Clock.SetUtcNow(morning);
        await ProcessAsync(held.Request);

        var sent = Assert.Single(_simulator.Ledger.EntriesTo(Phone));
        Assert.Equal($"cart:q1:0:0|{Phone}", sent.BizOpaqueCallbackData);
    }

    private async Task ProcessQueuedAsync()
    {
        foreach (var (request, _) in _queue.Take())
        {
            await ProcessAsync(request);
        }
    }

    private Task ProcessAsync(SendRequest request) =>
        _core.Get<SendProcessor>().ProcessAsync(new QueueDelivery(Guid.NewGuid().ToString("N"), SendRequestJson.Serialize(request), 1), default);

    /// <summary>Keeps what was enqueued, with its delay, for the test to deliver when its clock says so.</summary>
    private sealed class CapturingSendQueue : ISendQueue
    {
        private readonly ConcurrentQueue<(SendRequest Request, TimeSpan? Delay)> _items = new();

        public IReadOnlyList<(SendRequest Request, TimeSpan? Delay)> Take()
        {
            var taken = new List<(SendRequest, TimeSpan?)>();
            while (_items.TryDequeue(out var item))
            {
                taken.Add(item);
            }

            return taken;
        }

        public Task<Core.Messages.QueuedSend> EnqueueAsync(SendRequest request, TimeSpan? delay = null, CancellationToken cancellationToken = default)
        {
            _items.Enqueue((request, delay));
            return Task.FromResult(new Core.Messages.QueuedSend(Guid.NewGuid().ToString("N"), "captured"));
        }

        public Task MakeVisibleAsync(Core.Messages.QueuedSend message, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public async Task EnqueueManyAsync(IReadOnlyCollection<SendRequest> requests, CancellationToken cancellationToken = default)
        {
            foreach (var request in requests)
            {
                await EnqueueAsync(request, null, cancellationToken);
            }
        }
    }
}
