using System.Text.Json.Nodes;
using WhatsAppCampaigns.Infra.Tests.Support;

namespace WhatsAppCampaigns.Infra.Tests;

public sealed class AzdTemplateTests
{
    private static ArmTemplate Template => CompiledMain.Template;

    [Fact]
    public void AzureYaml_DeclaresTheFunctionsService()
    {
        var yaml = File.ReadAllText(RepoPaths.InRoot("azure.yaml"));

        Assert.Matches(@"(?m)^services:\s*\n  functions:\s*\n(    .*\n)*?    project: \./src/WhatsAppCampaigns\.Functions\s*$", yaml);
        Assert.Matches(@"(?m)^    language: dotnet\s*$", yaml);
        Assert.Matches(@"(?m)^    host: function\s*$", yaml);
    }

    [Fact]
    public void Main_TargetsTheSubscription_AndCreatesTheEnvironmentResourceGroup()
    {
        var rg = Assert.Single(Template.Resources("Microsoft.Resources/resourceGroups"));

        Assert.Contains("subscriptionDeploymentTemplate", ArmTemplate.AsString(Template.Root["$schema"]), StringComparison.Ordinal);
        Assert.Contains("resourcesResourceGroups", ArmTemplate.TextOf(rg.Json["name"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AZURE_LOCATION")]
    [InlineData("AZURE_TENANT_ID")]
    [InlineData("AZURE_FUNCTION_APP_NAME")]
    [InlineData("SERVICE_FUNCTIONS_NAME")]
    [InlineData("SERVICE_FUNCTIONS_URI")]
    [InlineData("AZURE_STORAGE_ACCOUNT_NAME")]
    [InlineData("AZURE_KEY_VAULT_NAME")]
    [InlineData("WEBHOOK_URL")]
    public void Main_OutputsWhatAzdAndTheReadmeUse(string name)
    {
        Assert.NotNull(Template.Root["outputs"]?[name]);
    }

    [Fact]
    public void WebhookUrl_PointsAtTheWebhookFunction()
    {
        var value = ArmTemplate.AsString(Template.Root["outputs"]?["WEBHOOK_URL"]?["value"]);

        Assert.Contains("/api/webhooks/whatsapp", value, StringComparison.Ordinal);
        Assert.Contains("outputs.uri.value", value, StringComparison.Ordinal);
    }

    [Fact]
    public void ParametersFile_SuppliesEveryRequiredParameter()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Infra, "main.parameters.json")))!;
        var supplied = file["parameters"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var required = Template.Root["parameters"]!.AsObject().Where(p => p.Value?["defaultValue"] is null).Select(p => p.Key);

        Assert.All(required, name => Assert.Contains(name, supplied));
        Assert.Equal("${AZURE_ENV_NAME}", file["parameters"]?["environmentName"]?["value"]?.GetValue<string>());
        Assert.Equal("${AZURE_LOCATION}", file["parameters"]?["location"]?["value"]?.GetValue<string>());
        Assert.Equal("${AZURE_PRINCIPAL_ID}", file["parameters"]?["principalId"]?["value"]?.GetValue<string>());
    }
}
