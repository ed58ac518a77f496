using System.Net;
using System.Net.Http.Json;

namespace WhatsAppCampaigns.FunctionsHost.Tests;

/// <summary>The timer trigger fired as the Timers extension fires it (a TimerInfo), once its schedule setting resolves.</summary>
[Collection(FunctionsAppCollection.Name)]
public sealed class TimerTriggerTests(FunctionsApp app)
{
    [Fact]
    public async Task CartsReminders_EnqueuesTheDueReminder_WhereSendsProcessListens()
    {
        var phone = HttpApi.NewPhone();
        var cartId = "fh-" + Guid.NewGuid().ToString("N")[..12];
        (await app.Http.PutContactAsync(phone)).EnsureSuccessStatusCode();
        (await app.Http.PostConsentAsync(phone, "opted_in")).EnsureSuccessStatusCode();
        var cart = await app.Http.PostAsJsonAsync("/api/carts/events", new
        {
            eventId = "e-" + cartId,
            type = "cart_updated",
            cartId,
            customer = new { phone, name = "Ana" },
            items = new[] { new { name = "Zapatos", quantity = 1, price = 59.9 } },
            currency = "MXN",
            total = 59.9,
            recoveryUrl = $"https://shop.example/cart/{cartId}",
        });
        Assert.True(cart.IsSuccessStatusCode, await cart.Content.ReadAsStringAsync());

        Assert.Equal("0 * * * * *", app.Host.Setting(app.Host.Functions["Carts_Reminders"].Trigger.Property("schedule")!));

        // The schedule fires again and again; the reminder is due a second after the update.
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var fired = await app.Host.InvokeTimerAsync("Carts_Reminders");
            Assert.True(fired.Result.Status == Rpc.StatusResult.Types.Status.Success, fired.Result.Exception?.Message + "\n" + app.Host.Diagnostics);
            var queued = (await app.Host.TriggerQueue("Sends_Process").PeekMessagesAsync(32)).Value;
            if (queued.Any(m => m.Body.ToString().Contains(cartId, StringComparison.Ordinal)))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < until, "the due reminder was not queued for Sends_Process within 2 minutes");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }
}
