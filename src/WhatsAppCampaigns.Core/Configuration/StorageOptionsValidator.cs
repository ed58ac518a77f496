using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace WhatsAppCampaigns.Core.Configuration;

public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new SettingErrors(StorageOptions.SectionName);
        var hasUris = options.TableServiceUri is not null || options.QueueServiceUri is not null || options.BlobServiceUri is not null;

        if (string.IsNullOrWhiteSpace(options.ConnectionString) && !hasUris)
        {
            errors.Add(nameof(options.ConnectionString), "is required unless TableServiceUri, QueueServiceUri and BlobServiceUri are set");
        }
        else if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            RequireAbsolute(errors, nameof(options.TableServiceUri), options.TableServiceUri);
            RequireAbsolute(errors, nameof(options.QueueServiceUri), options.QueueServiceUri);
            RequireAbsolute(errors, nameof(options.BlobServiceUri), options.BlobServiceUri);
        }

        if (!Prefix().IsMatch(options.NamePrefix))
        {
            errors.Add(nameof(options.NamePrefix), "may hold only lowercase letters and digits, starting with a letter (at most 12)");
        }

        return errors.ToResult();
    }

    private static void RequireAbsolute(SettingErrors errors, string setting, Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            errors.Add(setting, "must be an absolute URL when no connection string is given");
        }
    }

    [GeneratedRegex("^([a-z][a-z0-9]{0,11})?$")]
    private static partial Regex Prefix();
}
