using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace WhatsAppCampaigns.Core.Configuration;

/// <summary>Collects validation failures worded as the setting a person must fix (<c>Section:Name</c>).</summary>
internal sealed class SettingErrors(string section)
{
    private readonly List<string> _errors = [];

    public void Add(string setting, string problem) => _errors.Add($"{section}:{setting} {problem}.");

    public void RequireValue(string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(setting, "is required");
        }
    }

    public void RequireMatch(string setting, string? value, Regex pattern, string expected)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(setting, "is required");
        }
        else if (!pattern.IsMatch(value))
        {
            Add(setting, $"must be {expected}");
        }
    }

    public ValidateOptionsResult ToResult() =>
        _errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_errors);
}
