namespace WhatsAppCampaigns.Core.Campaigns.Testing;

public enum TestGroup
{
    Holdout,
    Sample,
    Rest,
}

/// <summary>
/// Where a recipient falls in a test, from the same stable hash of (campaign, phone) that picks the variant: the bucket
/// in [0, 1) below the hold-out share is hold-out, below the sample share is the sample, the rest is the rest.
/// Reproducible: a retried page, a second run and a test all agree.
/// </summary>
public static class TestAssignment
{
    public static TestGroup GroupOf(CampaignDefinition campaign, string phone)
    {
        if (campaign.Test is not { } plan)
        {
            return TestGroup.Rest;
        }

        var bucket = Bucket(SendRequestFactory.RecipientHash(campaign.Id, phone));
        return bucket < plan.HoldoutShare ? TestGroup.Holdout : bucket < plan.SampleShare ? TestGroup.Sample : TestGroup.Rest;
    }

    /// <summary>The top 53 bits of the hash as a fraction (the variant pick uses the hash modulo the weights).</summary>
    public static double Bucket(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));
}
