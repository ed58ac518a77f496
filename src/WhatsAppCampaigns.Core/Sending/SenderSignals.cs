using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Account;

namespace WhatsAppCampaigns.Core.Sending;

/// <summary>
/// The account signals a sender reads for every message (halt, messaging limit, number profile), cached briefly per
/// instance so they cost no storage transaction per message. A halt this instance sets is seen here at once.
/// </summary>
public sealed class SenderSignals(IAccountSignals signals, IOptions<SenderOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, object? Value)> _cache = new();

    public Task<SendingHalt?> GetHaltAsync(CancellationToken ct) =>
        GetAsync("halt", async () => await signals.GetSendingHaltAsync(ct));

    public Task<MessagingLimit> GetLimitAsync(CancellationToken ct) =>
        GetAsync("limit", async () => await signals.GetMessagingLimitAsync(ct))!;

    public Task<PhoneNumberProfile> GetPhoneNumberAsync(string phoneNumberId, CancellationToken ct) =>
        GetAsync("number:" + phoneNumberId, async () => await signals.GetPhoneNumberAsync(phoneNumberId, ct))!;

    public async Task HaltAsync(SendingHalt halt, CancellationToken ct)
    {
        await signals.SetSendingHaltAsync(halt, ct);
        _cache["halt"] = (time.GetUtcNow(), halt);
    }

    private async Task<T?> GetAsync<T>(string key, Func<Task<T?>> read)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var entry) && now - entry.At < options.Value.SignalCacheTtl)
        {
            return (T?)entry.Value;
        }

        var value = await read();
        _cache[key] = (now, value);
        return value;
    }
}
