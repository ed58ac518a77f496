namespace WhatsAppCampaigns.CloudApiSimulator;

/// <summary>
/// Seeded randomness. Shared draws are serialised by a lock; per-message draws use their own generator derived
/// from the seed and the message's sequence, so a message's webhook plan does not depend on thread timing.
/// </summary>
internal sealed class SimulatorRandom(int seed)
{
    private readonly Random _shared = new(seed);

    public int Seed => seed;

    public double NextDouble()
    {
        lock (_shared)
        {
            return _shared.NextDouble();
        }
    }

    public Random ForMessage(long sequence)
    {
        // SplitMix64 finaliser: neighbouring sequences get unrelated generators.
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)sequence);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return new Random(unchecked((int)(z ^ (z >> 31))));
    }
}
