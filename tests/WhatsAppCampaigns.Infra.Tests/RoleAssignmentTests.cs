using WhatsAppCampaigns.Infra.Tests.Support;

namespace WhatsAppCampaigns.Infra.Tests;

public sealed class RoleAssignmentTests
{
    private static ArmTemplate Template => CompiledMain.Template;

    [Fact]
    public void RoleAssignments_UseOnlyAllowedDataRoles()
    {
        Assert.NotEmpty(Template.Resources(TemplateRules.RoleAssignmentType));

        Violations.AssertNone(TemplateRules.RoleAssignments(Template, AzureRoles.AllowedDataRoles));
    }

    [Fact]
    public void RoleAssignments_GiveTheAppEveryRoleItNeeds()
    {
        var granted = Template.Resources(TemplateRules.RoleAssignmentType)
            .SelectMany(a => ArmTemplate.ReachableGuids(ArmTemplate.TextOf(a.Properties["roleDefinitionId"]), a.Template))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Contains(AzureRoles.StorageBlobDataOwner, granted);
        Assert.Contains(AzureRoles.StorageQueueDataContributor, granted);
        Assert.Contains(AzureRoles.StorageTableDataContributor, granted);
        Assert.Contains(AzureRoles.MonitoringMetricsPublisher, granted);
        Assert.Contains(AzureRoles.KeyVaultSecretsUser, granted);
    }

    [Fact]
    public void RoleAssignments_AreScopedToASingleResource()
    {
        foreach (var assignment in Template.Resources(TemplateRules.RoleAssignmentType))
        {
            var scope = ArmTemplate.AsString(assignment.Json["scope"]) ?? "";

            Assert.Matches(@"^\[resourceId\('Microsoft\.(Storage/storageAccounts|Insights/components|KeyVault/vaults)'", scope);
        }
    }
}
