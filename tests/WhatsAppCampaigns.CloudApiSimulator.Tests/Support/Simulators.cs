using Microsoft.Extensions.Time.Testing;

namespace WhatsAppCampaigns.CloudApiSimulator.Tests.Support;

/// <summary>Test defaults: Mexican recipients (not US), fixed seed, no webhook delays.</summary>
internal static class Simulators
{
    public const string MexicanUser = "+5215512345678";
    public const string OtherMexicanUser = "+5215587654321";

    public static CloudApiSimulatorOptions Options(Uri? webhookUrl = null) => new()
    {
        Seed = 1234,
        WebhookUrl = webhookUrl,
        Webhooks = new WebhookBehavior { MinDelayMs = 0, MaxDelayMs = 0, RetryBaseDelayMs = 10 },
    };

    public static Task<CloudApiSimulatorHost> StartAsync(CloudApiSimulatorOptions? options = null, FakeTimeProvider? time = null) =>
        CloudApiSimulatorHost.StartAsync(options ?? Options(), time);

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
}
