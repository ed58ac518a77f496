using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace WhatsAppCampaigns.Core.Configuration;

/// <summary>Fails start-up with a message naming each missing or malformed setting.</summary>
public sealed partial class WhatsAppOptionsValidator : IValidateOptions<WhatsAppOptions>
{
    public ValidateOptionsResult Validate(string? name, WhatsAppOptions options)
    {
        var errors = new SettingErrors(WhatsAppOptions.SectionName);

        if (!options.GraphBaseUrl.IsAbsoluteUri || options.GraphBaseUrl.Scheme is not ("http" or "https"))
        {
            errors.Add(nameof(options.GraphBaseUrl), "must be an absolute http(s) URL");
        }

        errors.RequireMatch(nameof(options.ApiVersion), options.ApiVersion, ApiVersionPattern(), "like v24.0");
        errors.RequireMatch(nameof(options.BusinessAccountId), options.BusinessAccountId, NumericId(), "a numeric id");
        errors.RequireMatch(nameof(options.BusinessPortfolioId), options.BusinessPortfolioId, NumericId(), "a numeric id");

        if (options.PhoneNumberIds.Count == 0)
        {
            errors.Add(nameof(options.PhoneNumberIds), "needs at least one phone number id (WhatsApp__PhoneNumberIds__0)");
        }

        foreach (var id in options.PhoneNumberIds.Where(id => !NumericId().IsMatch(id)))
        {
            errors.Add(nameof(options.PhoneNumberIds), "holds a value that is not a numeric id");
        }

        errors.RequireValue(nameof(options.AccessToken), options.AccessToken);
        errors.RequireValue(nameof(options.AppSecret), options.AppSecret);
        errors.RequireValue(nameof(options.WebhookVerifyToken), options.WebhookVerifyToken);
        return errors.ToResult();
    }

    [GeneratedRegex(@"^v\d+\.\d+$")]
    private static partial Regex ApiVersionPattern();

    [GeneratedRegex(@"^\d{1,32}$")]
    private static partial Regex NumericId();
}
