using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WhatsAppCampaigns.Infra.Tests.Support;

/// <summary>
/// Security rules over a compiled ARM template. Each returns the violations it finds (empty = compliant),
/// so the same rule is tested against the real template and against small broken ones.
/// </summary>
internal static partial class TemplateRules
{
    public const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";
    public const string StorageAccountType = "Microsoft.Storage/storageAccounts";

    /// <summary>Every role assignment resolves to role ids, all of them in <paramref name="allowed"/>.</summary>
    public static IReadOnlyList<string> RoleAssignments(ArmTemplate template, IReadOnlySet<string> allowed)
    {
        var violations = new List<string>();
        foreach (var assignment in template.Resources(RoleAssignmentType))
        {
            var expression = ArmTemplate.TextOf(assignment.Properties["roleDefinitionId"]);
            var roleIds = ArmTemplate.ReachableGuids(expression, assignment.Template);
            if (roleIds.Count == 0)
            {
                violations.Add($"{assignment.Location}: role definition '{expression}' does not resolve to a built-in role id.");
            }

            violations.AddRange(roleIds
                .Where(id => !allowed.Contains(id))
                .Select(id => $"{assignment.Location}: role {Describe(id)} is not an allowed data role."));
        }

        // Belt and braces: a control-plane role id anywhere in the template is a mistake waiting to be used.
        violations.AddRange(AzureRoles.Forbidden
            .Where(role => template.Text.Contains(role.Key, StringComparison.OrdinalIgnoreCase))
            .Select(role => $"template mentions the {role.Value} role ({role.Key})."));
        return violations;
    }

    /// <summary>Storage accounts accept only Entra ID over TLS 1.2+, and expose no public blobs.</summary>
    public static IReadOnlyList<string> StorageAccounts(ArmTemplate template)
    {
        var violations = new List<string>();
        foreach (var account in template.Resources(StorageAccountType))
        {
            var p = account.Properties;
            if (!IsLiteral(p["allowSharedKeyAccess"], false))
            {
                violations.Add($"{account.Location}: allowSharedKeyAccess must be false.");
            }

            if (!IsLiteral(p["allowBlobPublicAccess"], false))
            {
                violations.Add($"{account.Location}: allowBlobPublicAccess must be false.");
            }

            if (ArmTemplate.AsString(p["minimumTlsVersion"]) != "TLS1_2")
            {
                violations.Add($"{account.Location}: minimumTlsVersion must be TLS1_2.");
            }

            if (p["supportsHttpsTrafficOnly"] is not null && !IsLiteral(p["supportsHttpsTrafficOnly"], true))
            {
                violations.Add($"{account.Location}: supportsHttpsTrafficOnly must be true.");
            }
        }

        if (ListFunction().IsMatch(template.Text))
        {
            violations.Add("template calls a list*() function (listKeys, listSecrets, ...): keys must not be used.");
        }

        if (template.Text.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase))
        {
            violations.Add("template builds a connection string with an account key.");
        }

        return violations;
    }

    /// <summary>No output carries a secret: by name, by type, through a list*() call or a secure parameter.</summary>
    public static IReadOnlyList<string> Outputs(ArmTemplate template, IReadOnlySet<string> allowedNames)
    {
        var violations = new List<string>();
        foreach (var (t, location) in template.Templates())
        {
            if (t["outputs"] is not JsonObject outputs)
            {
                continue;
            }

            var parameters = t["parameters"] as JsonObject ?? [];
            foreach (var (name, output) in outputs)
            {
                var value = ArmTemplate.TextOf(output?["value"]);
                if (!allowedNames.Contains(name) && SecretLookingName().IsMatch(name))
                {
                    violations.Add($"{location}: output '{name}' looks like a secret by its name.");
                }

                if (ArmTemplate.IsSecure(output))
                {
                    violations.Add($"{location}: output '{name}' is of a secure type.");
                }

                if (ListFunction().IsMatch(value))
                {
                    violations.Add($"{location}: output '{name}' calls a list*() function.");
                }

                violations.AddRange(ArmTemplate.ParameterReferences(value)
                    .Where(p => ArmTemplate.IsSecure(parameters[p]))
                    .Select(p => $"{location}: output '{name}' exposes secure parameter '{p}'."));
            }
        }

        return violations;
    }

    /// <summary>Secure parameters never carry a default value (a default would live in source control).</summary>
    public static IReadOnlyList<string> SecureParameters(ArmTemplate template) =>
        template.Templates()
            .SelectMany(t => (t.Template["parameters"] as JsonObject ?? [])
                .Where(p => ArmTemplate.IsSecure(p.Value) && p.Value?["defaultValue"] is not null)
                .Select(p => $"{t.Location}: secure parameter '{p.Key}' has a default value."))
            .ToList();

    private static bool IsLiteral(JsonNode? node, bool expected) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
        && value.GetValue<bool>() == expected;

    private static string Describe(string roleId) =>
        AzureRoles.Forbidden.TryGetValue(roleId, out var name) ? $"{name} ({roleId})" : roleId;

    [GeneratedRegex(@"\blist[A-Za-z]*\(")]
    private static partial Regex ListFunction();

    [GeneratedRegex(@"(SECRET|PASSWORD|TOKEN|ACCOUNT_?KEY|ACCESS_?KEY|CONNECTION_?STRING|_KEY$|^KEY)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLookingName();
}
