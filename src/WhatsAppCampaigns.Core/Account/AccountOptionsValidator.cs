using Microsoft.Extensions.Options;

namespace WhatsAppCampaigns.Core.Account;

public sealed class AccountOptionsValidator : IValidateOptions<AccountOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountOptions options)
    {
        var errors = new List<string>();
        if (options.MessagingLimit is 0 or < -1)
        {
            errors.Add($"{AccountOptions.SectionName}:{nameof(options.MessagingLimit)} must be positive, or -1 for unlimited.");
        }

        if (options.MessagesPerSecond <= 0 || options.UpgradedMessagesPerSecond <= 0)
        {
            errors.Add($"{AccountOptions.SectionName}:{nameof(options.MessagesPerSecond)} and {nameof(options.UpgradedMessagesPerSecond)} must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
