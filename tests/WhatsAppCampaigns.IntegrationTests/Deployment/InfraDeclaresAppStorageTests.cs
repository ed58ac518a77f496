using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppCampaigns.Core;
using WhatsAppCampaigns.Core.Sending;
using WhatsAppCampaigns.Core.Storage;
using WhatsAppCampaigns.IntegrationTests.Infrastructure;

namespace WhatsAppCampaigns.IntegrationTests.Deployment;

/// <summary>
/// The app creates its tables at start-up only where it may; in Azure the Bicep template creates them. This keeps
/// the template's lists and the features' declarations (<c>AddTables</c>, <see cref="StorageNames"/>) from drifting apart.
/// </summary>
public sealed partial class InfraDeclaresAppStorageTests
{
    private static readonly string MainBicep = File.ReadAllText(Path.Combine(RepositoryRoot(), "infra", "main.bicep"));

    [Fact]
    public void Template_CreatesEveryTableTheAppUses()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(CoreServices.DefaultSettings("")).Build();
        services.AddCampaignCore(configuration);
        var registry = (TableRegistry)services.Single(d => d.ServiceType == typeof(TableRegistry)).ImplementationInstance!;

        var missing = registry.Names.Except(BicepArray("tableNames")).Order().ToArray();

        Assert.True(missing.Length == 0, "infra/main.bicep lacks tables: " + string.Join(", ", missing));
    }

    [Fact]
    public void Template_CreatesEveryQueueAndItsPoisonQueue()
    {
        var names = new StorageNames(Microsoft.Extensions.Options.Options.Create(new Core.Configuration.StorageOptions()));
        var expected = names.AllQueues.SelectMany(q => new[] { q, q + "-poison" }).Where(q => q != names.ControlQueue + "-poison");

        var missing = expected.Except(BicepArray("queueNames")).ToArray();

        Assert.True(missing.Length == 0, "infra/main.bicep lacks queues: " + string.Join(", ", missing));
    }

    private static IReadOnlyList<string> BicepArray(string variable)
    {
        var match = Regex.Match(MainBicep, $@"var {variable} = \[(?<items>[^\]]*)\]");
        Assert.True(match.Success, $"var {variable} not found in infra/main.bicep");
        return Quoted().Matches(match.Groups["items"].Value).Select(m => m.Groups[1].Value).ToArray();
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Functions.sln not found");
    }
}
