using System.Text.Json.Nodes;
using WhatsAppCampaigns.Infra.Tests.Support;

namespace WhatsAppCampaigns.Infra.Tests;

public sealed class SecretHandlingTests
{
    private static readonly string[] SecretParameters = ["whatsAppAccessToken", "whatsAppAppSecret", "whatsAppWebhookVerifyToken", "consentSuppressionHashKey"];

    // The Application Insights connection string carries no credential once local auth is disabled.
    private static readonly IReadOnlySet<string> NonSecretOutputs = new HashSet<string>(StringComparer.Ordinal)
    {
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "applicationInsightsConnectionString",
        "accessTokenSecretUri",
        "appSecretSecretUri",
        "webhookVerifyTokenSecretUri",
        "suppressionHashKeySecretUri",
    };

    private static ArmTemplate Template => CompiledMain.Template;

    [Theory]
    [InlineData("whatsAppAccessToken")]
    [InlineData("whatsAppAppSecret")]
    [InlineData("whatsAppWebhookVerifyToken")]
    [InlineData("consentSuppressionHashKey")]
    public void SecretParameter_IsSecure_Required_AndWithoutDefault(string name)
    {
        var parameter = Template.Root["parameters"]?[name];

        Assert.True(ArmTemplate.IsSecure(parameter), $"{name} must be @secure().");
        Assert.Null(parameter?["defaultValue"]);
    }

    [Fact]
    public void SecureParameters_HaveNoDefault_AnywhereInTheTemplate()
    {
        Violations.AssertNone(TemplateRules.SecureParameters(Template));
    }

    [Fact]
    public void Outputs_CarryNoSecret()
    {
        Violations.AssertNone(TemplateRules.Outputs(Template, NonSecretOutputs));
    }

    [Theory]
    [InlineData("WhatsApp__AccessToken", "accessTokenSecretUri")]
    [InlineData("WhatsApp__AppSecret", "appSecretSecretUri")]
    [InlineData("WhatsApp__WebhookVerifyToken", "webhookVerifyTokenSecretUri")]
    [InlineData("Consent__SuppressionHashKey", "suppressionHashKeySecretUri")]
    public void AppSetting_IsAKeyVaultReference_ToTheVaultSecret(string setting, string uriParameter)
    {
        var value = ArmTemplate.AsString(HostingTests.AppSettings()[setting]);
        var passedUri = ArmTemplate.AsString(Template.Module("functions").Properties["parameters"]?[uriParameter]?["value"]);

        Assert.Equal($"[format('@Microsoft.KeyVault(SecretUri={{0}})', parameters('{uriParameter}'))]", value);
        Assert.Matches($@"^\[reference\(.*'keyvault'.*\)\.outputs\.{uriParameter}\.value\]$", passedUri);
    }

    [Fact]
    public void KeyVault_UsesRbac_AndStoresTheFourSecretsFromSecureParameters()
    {
        var vault = Assert.Single(Template.Resources("Microsoft.KeyVault/vaults"));
        var secrets = Template.Resources("Microsoft.KeyVault/vaults/secrets").ToList();
        var keyVaultModule = Template.Module("keyvault");

        Assert.True(vault.Properties["enableRbacAuthorization"]?.GetValue<bool>());
        Assert.Null(vault.Properties["accessPolicies"]);
        Assert.Equal(SecretParameters.Length, secrets.Count);
        foreach (var secret in secrets)
        {
            var parameter = Assert.Single(ArmTemplate.ParameterReferences(ArmTemplate.TextOf(secret.Properties["value"])));
            Assert.True(ArmTemplate.IsSecure(secret.Template["parameters"]?[parameter]), $"secret value {parameter} must be secure.");
        }

        foreach (var name in SecretParameters)
        {
            Assert.Equal($"[parameters('{name}')]", ArmTemplate.AsString(keyVaultModule.Properties["parameters"]?[name]?["value"]));
        }
    }

    [Fact]
    public void ParametersFile_TakesSecretsFromTheAzdEnvironment_NeverLiterally()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Infra, "main.parameters.json")))!;

        foreach (var name in SecretParameters)
        {
            Assert.Matches(@"^\$\{[A-Z_]+\}$", file["parameters"]?[name]?["value"]?.GetValue<string>() ?? "");
        }
    }

    [Fact]
    public void ApplicationInsights_AcceptsOnlyEntraIdTelemetry()
    {
        var insights = Assert.Single(Template.Resources("Microsoft.Insights/components"));

        Assert.True(insights.Properties["DisableLocalAuth"]?.GetValue<bool>(), "Application Insights must have local auth disabled.");
        Assert.NotNull(insights.Properties["WorkspaceResourceId"]);
    }
}
