using WhatsAppCampaigns.Core.Audiences;
using WhatsAppCampaigns.Core.CloudApi;
using WhatsAppCampaigns.Core.Sending;

namespace WhatsAppCampaigns.Core.Campaigns;

/// <summary>Builds the queue message for one eligible recipient. Variant and number are picked stably per recipient, so a retried page builds the same message.</summary>
public static class SendRequestFactory
{
    /// <param name="winner">A variant test's winner, sent instead of the recipient's own pick (the rest phase).</param>
    public static SendRequest Create(CampaignDefinition campaign, AudienceMember member, string? winner = null)
    {
        var hash = RecipientHash(campaign.Id, member.Phone);
        var variant = winner is null
            ? PickVariant(campaign.Variants, hash)
            : campaign.Variants.FirstOrDefault(v => v.Name == winner) ?? throw new InvalidOperationException($"Campaign {campaign.Id} has no variant {winner}.");
        var values = TemplateParameters.Resolve(campaign.Parameters, member)
            ?? throw new InvalidOperationException("Recipient has a missing parameter: evaluate before building.");
        var components = values.Length == 0 ? Array.Empty<TemplateComponent>() : [TemplateComponent.Body(values)];
        var phoneNumberId = campaign.PhoneNumberIds.Count == 0 ? null : campaign.PhoneNumberIds[(int)(hash % (ulong)campaign.PhoneNumberIds.Count)];
        return new SendRequest(
            campaign.Id,
            member.Phone,
            variant.TemplateName,
            variant.Language,
            campaign.Category,
            components,
            campaign.Policy,
            phoneNumberId,
            campaign.Variants.Count > 1 ? variant.Name : null,
            campaign.StartAt,
            Kind: campaign.Kind);
    }

    public static CampaignVariant PickVariant(IReadOnlyList<CampaignVariant> variants, ulong hash)
    {
        var total = variants.Sum(v => (long)Math.Max(v.Weight, 0));
        if (total == 0)
        {
            return variants[0];
        }

        var point = (long)(hash % (ulong)total);
        foreach (var variant in variants)
        {
            point -= Math.Max(variant.Weight, 0);
            if (point < 0)
            {
                return variant;
            }
        }

        return variants[^1];
    }

    /// <summary>The recipient's hash within the campaign: picks the variant, the test bucket and the number.</summary>
    public static ulong RecipientHash(string campaignId, string phone) => Storage.StableHash.Of(campaignId, phone);
}
