namespace WhatsAppCampaigns.IntegrationTests.Sending.Support;

/// <summary>
/// The sender tests run a small size in the suite and the full size with <c>SENDER_FULL_SIZE=1</c>: the full
/// sizes take many minutes on Azurite, whose in-memory store slows as it fills.
/// </summary>
public static class SenderTestSize
{
    public static bool Full { get; } = Environment.GetEnvironmentVariable("SENDER_FULL_SIZE") == "1";
}
