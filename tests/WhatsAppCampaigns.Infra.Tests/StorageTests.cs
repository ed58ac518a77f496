using WhatsAppCampaigns.Infra.Tests.Support;

namespace WhatsAppCampaigns.Infra.Tests;

public sealed class StorageTests
{
    private static readonly string[] Queues = ["wa-sends", "wa-sends-poison", "wa-webhooks", "wa-webhooks-poison", "wa-control"];

    private static readonly string[] Tables =
    [
        "Contacts", "ConsentHistory", "TagIndex", "Suppressions", "Templates", "Campaigns", "CampaignRecipients",
        "Outbox", "Messages", "QuotaCounters", "Throughput", "DeadLetters", "Carts", "CartDue", "WebhookDedup",
    ];

    private static ArmTemplate Template => CompiledMain.Template;

    [Fact]
    public void StorageAccount_AcceptsOnlyEntraId_OverTls12_WithoutPublicBlobs()
    {
        Assert.Single(Template.Resources(TemplateRules.StorageAccountType));

        Violations.AssertNone(TemplateRules.StorageAccounts(Template));
    }

    [Fact]
    public void StorageAccount_CreatesEveryQueueAndTableTheAppUses()
    {
        var variables = Template.Root["variables"]!;
        var storageParameters = Template.Module("storage").Properties["parameters"]!;

        Assert.Equal(Queues, variables["queueNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(Tables, variables["tableNames"]!.AsArray().Select(n => n!.GetValue<string>()));
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
