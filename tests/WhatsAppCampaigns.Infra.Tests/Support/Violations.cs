namespace WhatsAppCampaigns.Infra.Tests.Support;

internal static class Violations
{
    /// <summary>Fails with every violation spelled out in full (xunit truncates collection items).</summary>
    public static void AssertNone(IReadOnlyList<string> violations) =>
        Assert.True(violations.Count == 0, "Violations:\n  " + string.Join("\n  ", violations));
}
