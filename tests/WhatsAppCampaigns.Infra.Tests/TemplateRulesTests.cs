using WhatsAppCampaigns.Infra.Tests.Support;

namespace WhatsAppCampaigns.Infra.Tests;

/// <summary>The rules catch what they are meant to catch (so a green run over main.bicep means something).</summary>
public sealed class TemplateRulesTests
{
    private const string Schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    [Theory]
    [InlineData(AzureRoles.Owner)]
    [InlineData(AzureRoles.Contributor)]
    [InlineData(AzureRoles.StorageAccountContributor)]
    [InlineData(AzureRoles.KeyVaultAdministrator)]
    public void RoleAssignments_FlagAControlPlaneRole_HiddenInAVariable(string roleId)
    {
        var template = ArmTemplate.Parse($$"""
            {
              "$schema": "{{Schema}}",
              "variables": { "roles": { "mine": "{{roleId}}" }, "picked": "[variables('roles').mine]" },
              "resources": [
                {
                  "type": "Microsoft.Authorization/roleAssignments",
                  "apiVersion": "2022-04-01",
                  "name": "x",
                  "properties": {
                    "roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('picked'))]",
                    "principalId": "p"
                  }
                }
              ]
            }
            """);

        var violations = TemplateRules.RoleAssignments(template, AzureRoles.AllowedDataRoles);

        Assert.Contains(violations, v => v.Contains(roleId, StringComparison.Ordinal) && v.Contains("not an allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void RoleAssignments_FlagARoleIdThatCannotBeResolved()
    {
        var template = ArmTemplate.Parse($$"""
            {
              "$schema": "{{Schema}}",
              "parameters": { "role": { "type": "string" } },
              "resources": [
                {
                  "type": "Microsoft.Authorization/roleAssignments",
                  "apiVersion": "2022-04-01",
                  "name": "x",
                  "properties": { "roleDefinitionId": "[parameters('role')]", "principalId": "p" }
                }
              ]
            }
            """);

        Assert.Single(TemplateRules.RoleAssignments(template, AzureRoles.AllowedDataRoles));
    }

    [Theory]
    [InlineData("\"allowSharedKeyAccess\": true, \"allowBlobPublicAccess\": false, \"minimumTlsVersion\": \"TLS1_2\"", "allowSharedKeyAccess")]
    [InlineData("\"allowBlobPublicAccess\": false, \"minimumTlsVersion\": \"TLS1_2\"", "allowSharedKeyAccess")]
    [InlineData("\"allowSharedKeyAccess\": false, \"allowBlobPublicAccess\": true, \"minimumTlsVersion\": \"TLS1_2\"", "allowBlobPublicAccess")]
    [InlineData("\"allowSharedKeyAccess\": false, \"allowBlobPublicAccess\": false, \"minimumTlsVersion\": \"TLS1_0\"", "minimumTlsVersion")]
    public void StorageAccounts_FlagKeyOrPublicOrOldTlsAccess(string properties, string expected)
    {
        var template = ArmTemplate.Parse($$"""
            { "$schema": "{{Schema}}", "resources": [ { "type": "Microsoft.Storage/storageAccounts", "name": "s", "properties": { {{properties}} } } ] }
            """);

        Assert.Contains(TemplateRules.StorageAccounts(template), v => v.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("STORAGE_KEY", "[variables('x')]", "by its name")]
    [InlineData("WHATSAPP_ACCESS_TOKEN", "[variables('x')]", "by its name")]
    [InlineData("STORAGE_INFO", "[listKeys(resourceId('Microsoft.Storage/storageAccounts', 's'), '2023-05-01').keys[0].value]", "list*()")]
    [InlineData("ECHO", "[parameters('token')]", "secure parameter 'token'")]
    public void Outputs_FlagSecrets(string name, string value, string expected)
    {
        var template = ArmTemplate.Parse($$"""
            {
              "$schema": "{{Schema}}",
              "parameters": { "token": { "type": "securestring" } },
              "variables": { "x": "y" },
              "resources": [],
              "outputs": { "{{name}}": { "type": "string", "value": "{{value}}" } }
            }
            """);

        Assert.Contains(TemplateRules.Outputs(template, new HashSet<string>()), v => v.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void SecureParameters_FlagADefaultValue_InANestedTemplate()
    {
        var template = ArmTemplate.Parse($$"""
            {
              "$schema": "{{Schema}}",
              "resources": [
                {
                  "type": "Microsoft.Resources/deployments",
                  "name": "kv",
                  "properties": {
                    "template": { "parameters": { "secret": { "type": "securestring", "defaultValue": "hunter2" } }, "resources": [] }
                  }
                }
              ]
            }
            """);

        Assert.Equal(["main/kv: secure parameter 'secret' has a default value."], TemplateRules.SecureParameters(template));
    }
}
