using System.Text.Json.Nodes;
using WhatsAppCampaigns.Infra.Tests.Support;

namespace WhatsAppCampaigns.Infra.Tests;

public sealed class HostingTests
{
    private static ArmTemplate Template => CompiledMain.Template;

    private static ArmResource FunctionApp => Assert.Single(Template.Resources("Microsoft.Web/sites"));

    [Fact]
    public void Plan_IsFlexConsumptionFc1()
    {
        var plan = Assert.Single(Template.Resources("Microsoft.Web/serverfarms"));

        Assert.Equal("FC1", ArmTemplate.AsString(plan.Json["sku"]?["name"]));
        Assert.Equal("FlexConsumption", ArmTemplate.AsString(plan.Json["sku"]?["tier"]));
        Assert.True(plan.Properties["reserved"]?.GetValue<bool>(), "Flex Consumption runs on Linux (reserved: true).");
    }

    [Fact]
    public void FunctionApp_RunsDotnetIsolated10_OnLinux()
    {
        var config = FunctionApp.Properties["functionAppConfig"];

        Assert.Equal("functionapp,linux", ArmTemplate.AsString(FunctionApp.Json["kind"]));
        Assert.Equal("dotnet-isolated", ArmTemplate.AsString(config?["runtime"]?["name"]));
        Assert.Equal("10.0", ArmTemplate.AsString(config?["runtime"]?["version"]));
        Assert.True(FunctionApp.Properties["httpsOnly"]?.GetValue<bool>());
    }

    [Fact]
    public void FunctionApp_ScaleSettings_ComeFromParameters()
    {
        var scale = FunctionApp.Properties["functionAppConfig"]?["scaleAndConcurrency"];
        var functionsModule = Template.Module("functions");
        var root = Template.Root["parameters"]!;

        Assert.Equal("[parameters('maximumInstanceCount')]", ArmTemplate.AsString(scale?["maximumInstanceCount"]));
        Assert.Equal("[parameters('instanceMemoryMB')]", ArmTemplate.AsString(scale?["instanceMemoryMB"]));
        Assert.Equal("[parameters('maximumInstanceCount')]", ArmTemplate.AsString(functionsModule.Properties["parameters"]?["maximumInstanceCount"]?["value"]));
        Assert.Equal("[parameters('instanceMemoryMB')]", ArmTemplate.AsString(functionsModule.Properties["parameters"]?["instanceMemoryMB"]?["value"]));
        Assert.Equal("int", ArmTemplate.AsString(root["maximumInstanceCount"]?["type"]));
        Assert.Equal("int", ArmTemplate.AsString(root["instanceMemoryMB"]?["type"]));
    }

    [Fact]
    public void FunctionApp_UsesUserAssignedIdentity_ForDeploymentStorageAndKeyVaultReferences()
    {
        var app = FunctionApp;
        var storage = app.Properties["functionAppConfig"]?["deployment"]?["storage"];

        Assert.Equal("UserAssigned", ArmTemplate.AsString(app.Json["identity"]?["type"]));
        Assert.Equal("blobContainer", ArmTemplate.AsString(storage?["type"]));
        Assert.Equal("UserAssignedIdentity", ArmTemplate.AsString(storage?["authentication"]?["type"]));
        Assert.Equal("[parameters('identityId')]", ArmTemplate.AsString(storage?["authentication"]?["userAssignedIdentityResourceId"]));
        Assert.Equal("[parameters('identityId')]", ArmTemplate.AsString(app.Properties["keyVaultReferenceIdentity"]));
    }

    [Fact]
    public void FunctionApp_IsTaggedForAzd()
    {
        var tags = ArmTemplate.AsString(Template.Module("functions").Properties["parameters"]?["tags"]?["value"]) ?? "";

        Assert.Contains("'azd-service-name', 'functions'", tags, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_ConfigureIdentityBasedStorage_AndEveryAppSection()
    {
        var settings = AppSettings();

        Assert.Equal("managedidentity", ArmTemplate.AsString(settings["AzureWebJobsStorage__credential"]));
        foreach (var key in new[]
        {
            "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri",
            "AzureWebJobsStorage__tableServiceUri", "Storage__TableServiceUri", "Storage__QueueServiceUri",
            "Storage__BlobServiceUri", "Storage__ManagedIdentityClientId", "DurableTaskHubName",
            "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
            "WhatsApp__GraphBaseUrl", "WhatsApp__ApiVersion", "WhatsApp__BusinessAccountId", "WhatsApp__BusinessPortfolioId",
        })
        {
            Assert.True(settings.ContainsKey(key), $"app setting {key} is missing.");
        }

        Assert.Contains("Authorization=AAD", ArmTemplate.AsString(settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]), StringComparison.Ordinal);
        Assert.Contains("WhatsApp__PhoneNumberIds__{0}", ArmTemplate.TextOf(Template.Module("functions").Properties["template"]), StringComparison.Ordinal);

        // A connection string would mean a key; Flex Consumption rejects the worker/runtime settings (they live in functionAppConfig).
        foreach (var forbidden in new[] { "AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING" })
        {
            Assert.False(settings.ContainsKey(forbidden), $"app setting {forbidden} must not be set.");
        }
    }

    internal static JsonObject AppSettings()
    {
        var config = Assert.Single(Template.Resources("Microsoft.Web/sites/config"),
            r => (ArmTemplate.AsString(r.Json["name"]) ?? "").Contains("appsettings", StringComparison.Ordinal));
        return ArmTemplate.ReachableObject(config.Json["properties"], config.Template);
    }
}
