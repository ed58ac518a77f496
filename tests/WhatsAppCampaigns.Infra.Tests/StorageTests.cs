using WhatsAppCampaigns.Infra.Tests.Support;

namespace WhatsAppCampaigns.Infra.Tests;

public sealed class StorageTests
{
    private static ArmTemplate Template => CompiledMain.Template;

    [Fact]
    public void StorageAccount_AcceptsOnlyEntraId_OverTls12_WithoutPublicBlobs()
    {
        Assert.Single(Template.Resources(TemplateRules.StorageAccountType));

        Violations.AssertNone(TemplateRules.StorageAccounts(Template));
    }

    /// <remarks>Which names the lists must hold is checked against the app's own declarations by the integration tests (InfraDeclaresAppStorageTests).</remarks>
    [Fact]
    public void StorageAccount_CreatesTheQueuesAndTablesOfItsLists()
    {
        var variables = Template.Root["variables"]!;
        var storageParameters = Template.Module("storage").Properties["parameters"]!;

        Assert.NotEmpty(variables["queueNames"]!.AsArray());
        Assert.NotEmpty(variables["tableNames"]!.AsArray());
        Assert.Equal("[variables('queueNames')]", ArmTemplate.AsString(storageParameters["queueNames"]?["value"]));
        Assert.Equal("[variables('tableNames')]", ArmTemplate.AsString(storageParameters["tableNames"]?["value"]));
    }

    [Fact]
    public void StorageAccount_CreatesDeploymentAndWebhookPayloadContainers()
    {
        var containers = Template.Module("storage").Properties["parameters"]?["containerNames"]?["value"]?.AsArray()
            .Select(ArmTemplate.AsString);

        Assert.Equal(["[variables('deploymentContainerName')]", "[variables('webhookPayloadsContainerName')]"], containers);
        Assert.StartsWith("[format('app-package-", ArmTemplate.AsString(Template.Root["variables"]?["deploymentContainerName"]), StringComparison.Ordinal);
        Assert.Equal("webhook-payloads", ArmTemplate.AsString(Template.Root["variables"]?["webhookPayloadsContainerName"]));
        Assert.Single(Template.Resources("Microsoft.Storage/storageAccounts/blobServices/containers"));
        Assert.Single(Template.Resources("Microsoft.Storage/storageAccounts/queueServices/queues"));
        Assert.Single(Template.Resources("Microsoft.Storage/storageAccounts/tableServices/tables"));
    }
}
